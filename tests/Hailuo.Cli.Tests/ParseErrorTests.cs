using System.CommandLine;
using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>What the parser refuses gets one line per problem naming the option, the value and what is allowed, and exit code 2.</summary>
public sealed class ParseErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-parse").FullName;

    [Fact]
    public async Task A_duration_that_is_not_a_number_is_one_line_in_words_with_exit_code_2()
    {
        var (exit, output, error) = await CliRun.Run("cost", "--duration", "abc");

        Assert.Equal(2, exit);
        Assert.Equal("error: --duration is 'abc'; it must be a whole number up to 2147483647.", error.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_count_too_large_for_the_option_says_what_is_allowed()
    {
        var (exit, _, error) = await CliRun.Run("cost", "--count", "99999999999");

        Assert.Equal(2, exit);
        Assert.Equal("error: --count is '99999999999'; it must be a whole number up to 2147483647.", error.Trim());
    }

    [Fact]
    public async Task A_budget_that_is_not_a_number_names_the_form_of_a_number()
    {
        var (exit, _, error) = await CliRun.Run("generate", "--sim", "--prompt", "A cat", "--stitch", "--budget", "five", "--out", Path.Combine(_directory, "film.mp4"));

        Assert.Equal(2, exit);
        Assert.Equal("error: --budget is 'five'; it must be a number, such as 2.50 (with a dot).", error.Trim());
    }

    [Fact]
    public async Task An_unknown_option_names_the_options_the_command_takes()
    {
        var (exit, _, error) = await CliRun.Run("cost", "--colour", "red");

        Assert.Equal(2, exit);
        Assert.StartsWith("error: '--colour' is not an option of hailuo cost; allowed: --provider, --model, --mode, --resolution, --duration, --count, ", error, StringComparison.Ordinal);
        Assert.Contains("--verbose", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_names_the_commands()
    {
        var (exit, _, error) = await CliRun.Run("render");

        Assert.Equal(2, exit);
        Assert.Equal("error: 'render' is not a command of hailuo; allowed: generate, story, status, download, models, cost, validate, sim, contract, worker, jobs.", error.Trim());
    }

    [Fact]
    public async Task Missing_required_options_are_named_with_what_they_are_for()
    {
        var (exit, _, error) = await CliRun.Run("generate", "--prompt", "A cat");

        Assert.Equal(2, exit);
        Assert.Equal("error: --out is required: Where to write the MP4.", error.Trim());
    }

    [Fact]
    public async Task Help_still_shows_help()
    {
        var (exit, output, error) = await CliRun.Run("cost", "--duration", "abc", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--duration", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_option_of_every_command_that_takes_a_number_refuses_a_word_in_one_line_naming_it()
    {
        var numeric = new[] { typeof(int), typeof(int?), typeof(long), typeof(long?), typeof(decimal), typeof(decimal?), typeof(double), typeof(double?) };
        var cases = Commands([], CliApp.Build(CliConsole.Plain(TextWriter.Null, TextWriter.Null)))
            .SelectMany(c => c.Command.Options.Where(o => numeric.Contains(o.ValueType)).Select(o => (c.Path, Option: o)))
            .ToList();
        Assert.True(cases.Count >= 5, string.Join(", ", cases.Select(c => $"{string.Join(" ", c.Path)} {c.Option.Name}")));

        foreach (var (path, option) in cases)
        {
            var (exit, output, error) = await CliRun.Run([.. path, option.Name, "ten"]);

            Assert.True(exit == 2, $"{string.Join(" ", path)} {option.Name}: exit {exit}, {error}");
            var line = Assert.Single(error.Trim().Split('\n'), l => l.Contains(option.Name, StringComparison.Ordinal));
            Assert.StartsWith($"error: {option.Name} is 'ten'; it must be ", line, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Usage:", output + error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_first_frame_file_exits_with_the_code_of_a_missing_request_file()
    {
        var missing = Path.Combine(_directory, "nope.png");

        var (validateExit, _, _) = await CliRun.Run("validate", Path.Combine(_directory, "nope.json"));
        var (exit, _, error) = await CliRun.Run("generate", "--sim", "--prompt", "A cat", "--first-frame", missing, "--out", Path.Combine(_directory, "clip.mp4"));

        Assert.Equal(8, validateExit);
        Assert.Equal(validateExit, exit);
        Assert.Equal($"error: --first-frame '{missing}' is neither an http(s) URL nor an existing file.", error.Trim());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Each command with the words that reach it: "sim export-wiremock".
    private static IEnumerable<(string[] Path, Command Command)> Commands(string[] path, Command command) =>
        new[] { (path, command) }.Concat(command.Subcommands.SelectMany(c => Commands([.. path, c.Name], c)));
}
