using Hailuo.Contracts;
using Hailuo.MockServer;
using Hailuo.Testing;
using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>`hailuo generate --stitch`: a duration longer than one clip as chained clips of one prompt, stitched into one MP4.</summary>
public sealed class StitchTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-stitch").FullName;

    private string Out => Path.Combine(_directory, "film.mp4");

    [Fact]
    public async Task Stitch_makes_30_seconds_at_1080p_from_six_chained_clips_after_printing_the_plan_and_its_cost()
    {
        HailuoSimulator? simulator = null;

        var (exit, output, error) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { SimulatorOptions = FilmRunner.Quick, SimulatorStarted = s => simulator = s },
            "generate", "--sim", "--prompt", "A red kite over the dunes", "--duration", "30", "--resolution", "1080p", "--stitch", "--out", Out);

        Assert.True(exit == 0, error + output);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        var plan = lines.Where(l => l.StartsWith("  shot ", StringComparison.Ordinal) && l.Contains("MiniMax-Hailuo-02  1080p  5 s", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, plan.Count);
        Assert.Contains("text-to-video", plan[0], StringComparison.Ordinal);
        Assert.All(plan.Skip(1), l => Assert.Contains("image-to-video from shot", l, StringComparison.Ordinal));
        var total = Array.IndexOf(lines, "6 shots, 30 s, chained: estimated $2.40");
        var firstSubmit = Array.FindIndex(lines, l => l.EndsWith("  submitting", StringComparison.Ordinal));
        Assert.True(total >= 0 && total < firstSubmit, output);

        var (codec, width, height, duration) = await Ffprobe.ProbeAsync(Out);
        Assert.Equal(("h264", 1920, 1080), (codec, width, height));
        Assert.InRange(duration, 29.5, 30.5);
        Assert.Equal(6, simulator!.Admin.Tasks.Count);
        Assert.All(simulator.Admin.Tasks.Skip(1), t => Assert.Equal(VideoMode.ImageToVideo, t.Mode));
        Assert.True(File.Exists(Out + ".ledger.db"));
    }

    [Fact]
    public async Task Without_stitch_a_duration_one_clip_cannot_have_is_refused_naming_stitch()
    {
        var (exit, _, error) = await CliRun.Run("generate", "--sim", "--prompt", "A cat", "--resolution", "1080p", "--duration", "30", "--out", Out);

        Assert.Equal(2, exit);
        Assert.Equal("error: 'duration' is 30 at 1080p: MiniMax-Hailuo-02 text-to-video on APIMart allows 5 s at 1080p (pairs: 512p: 5, 10 s; 768p: 5, 10 s; 1080p: 5 s); or add --stitch to chain 5-second clips into one 30-second video.", error.Trim());
    }

    [Fact]
    public async Task Stitch_refuses_a_duration_that_no_allowed_clip_length_divides_before_anything_is_made()
    {
        HailuoSimulator? simulator = null;

        var (exit, _, error) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { SimulatorStarted = s => simulator = s },
            "generate", "--sim", "--prompt", "A cat", "--resolution", "1080p", "--duration", "32", "--stitch", "--out", Out);

        Assert.Equal(2, exit);
        Assert.Equal("error: --duration 32 cannot be stitched from MiniMax-Hailuo-02 clips at 1080p: with --stitch it must be a multiple of 5 s.", error.Trim());
        Assert.Null(simulator);
        Assert.False(File.Exists(Out + ".ledger.db"));
    }

    [Fact]
    public async Task A_film_over_its_budget_is_refused_before_any_request()
    {
        HailuoSimulator? simulator = null;

        var (exit, _, error) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { SimulatorStarted = s => simulator = s },
            "generate", "--sim", "--prompt", "A cat", "--resolution", "1080p", "--duration", "30", "--stitch", "--budget", "2.39", "--out", Out);

        Assert.Equal(2, exit);
        Assert.Contains("--budget: ", error, StringComparison.Ordinal);
        Assert.Contains("costs $2.40", error, StringComparison.Ordinal);
        Assert.Empty(simulator!.Admin.Journal);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public async Task A_missing_ffmpeg_is_named_with_how_to_install_it_before_the_ledger_or_a_request()
    {
        HailuoSimulator? simulator = null;
        var empty = Directory.CreateDirectory(Path.Combine(_directory, "no-ffmpeg")).FullName;

        var (exit, output, error) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { SimulatorStarted = s => simulator = s, FfmpegFolder = empty },
            "generate", "--sim", "--prompt", "A cat", "--resolution", "1080p", "--duration", "10", "--stitch", "--out", Out);

        Assert.Equal(11, exit);
        Assert.Contains("apt-get install -y ffmpeg", error, StringComparison.Ordinal);
        Assert.Contains("Nothing has been submitted", error, StringComparison.Ordinal);
        Assert.Null(simulator);
        Assert.False(File.Exists(Out + ".ledger.db"));
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_film_cancelled_after_two_shots_resumes_on_the_same_ledger_without_submitting_them_again()
    {
        await using var simulator = await HailuoSimulator.StartAsync(FilmRunner.Quick());
        using var cancel = new CancellationTokenSource();
        var stored = 0;
        string[] film = ["generate", "--sim", "--prompt", "A lighthouse at dusk", "--resolution", "768p", "--duration", "15", "--stitch", "--out", Out, "--ledger", Path.Combine(_directory, "jobs.db")];

        var (first, _, stopped) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { Simulator = simulator, ShotChanged = e => { if (e.State == Hailuo.Jobs.JobState.Stored && ++stored == 2) { cancel.Cancel(); } } },
            cancel.Token,
            film);

        Assert.Equal(130, first);
        Assert.Contains("cancelled with 2 shots of 3 stored in the ledger", stopped, StringComparison.Ordinal);
        Assert.Contains("Run the same command again", stopped, StringComparison.Ordinal);
        Assert.Equal(2, simulator.Admin.Tasks.Count);
        Assert.False(File.Exists(Out));

        var (second, output, error) = await FilmRunner.Run(c => new CliConsole(c.Output, c.Error) { Simulator = simulator }, film);

        Assert.True(second == 0, error + output);
        Assert.Contains("1 of 3 shots to render: $0.20; 2 reused", output, StringComparison.Ordinal);
        Assert.Equal(3, simulator.Admin.Tasks.Count);
        Assert.InRange((await Ffprobe.ProbeAsync(Out)).Duration, 14.5, 15.5);
    }

    [Fact]
    public async Task Ctrl_C_while_a_submit_is_on_the_wire_waits_for_its_task_id_so_the_rerun_resumes_that_task()
    {
        await using var simulator = await HailuoSimulator.StartAsync(FilmRunner.Quick());
        using var cancel = new CancellationTokenSource();
        string[] film = ["generate", "--sim", "--prompt", "A cat", "--resolution", "768p", "--duration", "5", "--stitch", "--out", Out];

        var (first, _, _) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { Simulator = simulator, ShotChanged = e => { if (e.State == Hailuo.Jobs.JobState.Submitting) { cancel.Cancel(); } } },
            cancel.Token,
            film);
        var (second, output, error) = await FilmRunner.Run(c => new CliConsole(c.Output, c.Error) { Simulator = simulator }, film);

        Assert.Equal(130, first);
        Assert.True(second == 0, error + output);
        Assert.Single(simulator.Admin.Tasks);
    }

    [Fact]
    public async Task Under_sim_a_shot_in_flight_on_an_earlier_runs_simulator_is_submitted_again_on_the_new_one()
    {
        using var cancel = new CancellationTokenSource();
        string[] film = ["generate", "--sim", "--prompt", "A cat", "--resolution", "768p", "--duration", "5", "--stitch", "--out", Out];
        var (first, _, _) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { SimulatorOptions = FilmRunner.Quick, ShotChanged = e => { if (e.State == Hailuo.Jobs.JobState.Submitted) { cancel.Cancel(); } } },
            cancel.Token,
            film);

        var (second, output, error) = await FilmRunner.Run(c => new CliConsole(c.Output, c.Error) { SimulatorOptions = FilmRunner.Quick }, film);

        Assert.Equal(130, first);
        Assert.True(second == 0, error + output);
        Assert.Contains("was on the earlier run's simulator, which kept it in memory only; submitting it again (simulated, no cost)", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Out));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
