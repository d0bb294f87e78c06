using System.Text.RegularExpressions;
using Spectre.Console.Testing;
using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>`hailuo generate` redraws one live progress row on a terminal and prints plain lines elsewhere.</summary>
public sealed partial class ProgressDisplayTests : IDisposable
{
    private const string Bar = "\u2501";

    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-progress").FullName;

    private string[] Generate => new[] { "generate", "--sim", "--prompt", "A cat", "--resolution", "768p", "--duration", "10", "--out", Path.Combine(_directory, "clip.mp4") };

    [Fact]
    public async Task On_a_terminal_generate_redraws_a_live_row_with_status_elapsed_cost_bar_and_percent()
    {
        using var terminal = new TestConsole().Interactive().SupportsAnsi(true).Width(100);

        var (exit, error) = await CliRun.RunOn(terminal, null, null, Generate);

        Assert.True(exit == 0, error);
        var screen = terminal.Output;
        Assert.Contains(terminal.Lines, l => Regex.IsMatch(l, $@"^submitted\s+0:00  est\. \$0\.40 {Bar}+\s+0%$"));
        Assert.Contains(terminal.Lines, l => Regex.IsMatch(l, $@"^completed\s+\d+:\d\d  est\. \$0\.40 {Bar}+ 100%$"));
        Assert.DoesNotMatch(@"\n  \d+:\d\d  (queued|processing|completed)", screen);
        Assert.Contains("saved ", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirected_output_gets_each_transition_as_one_plain_line()
    {
        var (exit, output, error) = await CliRun.Run(Generate);

        Assert.True(exit == 0, error);
        var statuses = PlainLine().Matches(output.ReplaceLineEndings("\n")).Select(m => m.Groups[1].Value).ToList();
        Assert.True(statuses.Count > 0 && statuses[^1] == "completed 100%", output);
        Assert.True(statuses.Zip(statuses.Skip(1)).All(p => Status(p.First) != Status(p.Second)), "one line per change of status:\n" + output);
        Assert.DoesNotContain(Bar, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_console_that_cannot_redraw_in_place_gets_plain_lines()
    {
        using var log = new TestConsole().SupportsAnsi(true).Width(100);

        var (exit, error) = await CliRun.RunOn(log, null, null, Generate);

        Assert.True(exit == 0, error);
        Assert.Matches(@"\n  \d+:\d\d  completed( 100%)?\n", log.Output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(Bar, log.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null, false)]
    [InlineData(false, "", false)]
    [InlineData(true, null, true)]
    [InlineData(false, "true", true)]
    [InlineData(false, "1", true)]
    public void Redirected_output_or_CI_gets_the_plain_console(bool redirected, string? ci, bool plain)
    {
        Assert.Equal(plain, CliConsole.WantsPlain(redirected, ci));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Status(string line) => line.Split(' ')[0];

    // "  0:42  completed 100%": elapsed, status and percent; which statuses a poll sees depends on the paced clock.
    [GeneratedRegex(@"^  \d+:\d\d  ([a-z]+(?: \d+%)?)$", RegexOptions.Multiline)]
    private static partial Regex PlainLine();
}
