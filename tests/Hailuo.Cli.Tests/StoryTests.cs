using System.Text.Json;
using System.Text.RegularExpressions;
using Hailuo.MockServer;
using Hailuo.Testing;
using Spectre.Console.Testing;
using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>`hailuo story FILE`: a storyboard file planned, priced, run and stitched; a bad file refused before anything.</summary>
public sealed class StoryTests : IDisposable
{
    private const string Bar = "\u2501";

    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-story").FullName;

    private string Out => Path.Combine(_directory, "film.mp4");

    [Fact]
    public async Task A_storyboard_file_becomes_one_film_of_its_shots_in_order_with_a_live_row_per_shot_on_a_terminal()
    {
        var file = Write("""
            { "model": "MiniMax-Hailuo-02", "resolution": "768p", "duration": 5,
              "shots": [ { "prompt": "A lighthouse at dusk", "camera": [ "Pan left" ] }, { "prompt": "The lamp turns on" } ] }
            """);
        HailuoSimulator? simulator = null;
        using var terminal = new TestConsole().Interactive().SupportsAnsi(true).Width(120);

        var (exit, error) = await CliRun.RunOn(terminal, FilmRunner.Quicken, s => simulator = s, "story", file, "--sim", "--out", Out);

        Assert.True(exit == 0, error + terminal.Output);
        Assert.Contains("2 shots, 10 s, chained: estimated $0.40", terminal.Output, StringComparison.Ordinal);
        Assert.True(terminal.Lines.Any(l => Regex.IsMatch(l, $@"^shot 1/2  \d+:\d\d  stored\s+{Bar}+ 100%\s*$")), string.Join("\n", terminal.Lines));
        Assert.True(terminal.Lines.Any(l => Regex.IsMatch(l, $@"^shot 2/2  \d+:\d\d  stored\s+{Bar}+ 100%\s*$")), string.Join("\n", terminal.Lines));
        Assert.DoesNotMatch(@"\n  shot \d/2  ", terminal.Output);
        var prompts = simulator!.Admin.Journal.Where(e => e.Endpoint == SimulatorEndpoint.Submit).Select(e => JsonDocument.Parse(e.Body).RootElement.GetProperty("prompt").GetString()).ToList();
        Assert.Equal(["A lighthouse at dusk [Pan left]", "The lamp turns on"], prompts);
        var (_, width, height, duration) = await Ffprobe.ProbeAsync(Out);
        Assert.Equal((1366, 768), (width, height));
        Assert.InRange(duration, 9.5, 10.5);
        Assert.True(File.Exists(Out + ".ledger.db"));
    }

    [Fact]
    public void The_example_storyboard_in_docs_loads_and_plans_one_clip_per_shot_with_a_published_price()
    {
        var storyboard = Hailuo.Jobs.StoryboardFile.Load(Path.Combine(RepositoryRoot.Path, "docs", "examples", "storyboard.json"));

        var plan = Hailuo.Jobs.StoryboardPlanner.Plan(storyboard, Hailuo.Contracts.HailuoSpec.ApiMart);

        Assert.Equal(storyboard.Shots.Count, plan.Clips.Count);
        Assert.True(plan.Clips.Count > 1);
        Assert.NotNull(plan.TotalDollars);
    }

    [Theory]
    [InlineData("""{ "model": "MiniMax-Hailuo-02", "resolution": "1080p", "duration": 10, "shots": [ { "prompt": "x" } ] }""", "'resolution' 1080p with 'duration' 10 s is not allowed for MiniMax-Hailuo-02 text-to-video (shot 1); allowed: 512p: 5, 10 s; 768p: 5, 10 s; 1080p: 5 s.")]
    [InlineData("""{ "model": "MiniMax-Hailuo-02", "shots": [] }""", "'shots' must list at least one shot")]
    [InlineData("""{ "model": "MiniMax-Hailuo-02", "shots": [ { "prompt": "x", "zoom": 2 } ] }""", "'shots[0].zoom' is not a storyboard field (line 1); allowed here: prompt, camera, firstFrameImage, lastFrameImage, take.")]
    [InlineData("""{ "model": "MiniMax-Hailuo-02", "mode": "Looped", "shots": [ { "prompt": "x" } ] }""", "'mode' is \"Looped\" (line 1); it must be one of Chained, Independent.")]
    public async Task A_bad_storyboard_gets_one_error_naming_field_value_and_what_is_allowed_and_leaves_no_ledger(string json, string expected)
    {
        var file = Write(json);
        HailuoSimulator? simulator = null;

        var (exit, output, error) = await FilmRunner.Run(c => new CliConsole(c.Output, c.Error) { SimulatorStarted = s => simulator = s }, "story", file, "--sim", "--out", Out);

        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Null(simulator);
        Assert.False(File.Exists(Out + ".ledger.db"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_directory, "storyboard.json");
        File.WriteAllText(path, json);
        return path;
    }
}
