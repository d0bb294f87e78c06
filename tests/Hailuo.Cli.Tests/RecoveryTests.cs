using Hailuo.Cli.Generation;
using Hailuo.Contracts;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>
/// A single `generate` that fails or is cancelled after its submit names the task and the exact `hailuo download` command
/// that fetches its video; the tests run that command. Shares TaskCommandTests' collection: both set APIMART_API_KEY.
/// </summary>
[Collection(nameof(TaskCommandTests))]
public sealed class RecoveryTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-recovery").FullName;
    private HailuoSimulator _simulator = null!;

    private string Folder => Path.Combine(_directory, "renders");

    private string Out => Path.Combine(Folder, "clip.mp4");

    public async Task InitializeAsync()
    {
        _simulator = await HailuoSimulator.StartAsync(FilmRunner.Quick());
        Directory.CreateDirectory(Folder);

        // The recovery runs as the user who submitted: the simulator keeps each key's tasks apart.
        Environment.SetEnvironmentVariable("APIMART_API_KEY", SimulatorSession.ApiKey);
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_video_that_cannot_be_saved_after_the_submit_names_the_task_and_the_download_that_recovers_it()
    {
        // The folder passes the check, then becomes a file while the task renders: true even for root.
        var (exit, _, error) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { Simulator = _simulator, TaskSubmitted = _ => ReplaceFolderWithFile() },
            "generate", "--sim", "--prompt", "A cat", "--out", Out);

        Assert.Equal(13, exit);
        var task = Assert.Single(_simulator.Admin.Tasks);
        var lines = error.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error: the video could not be saved: IOException: ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith($". Task {task.Id} was submitted and is paid for; this command fetches its video, waiting for it if it is still rendering:", lines[0], StringComparison.Ordinal);
        Assert.Equal($"  hailuo download {task.Id} --out {Out} --base-url {_simulator.BaseAddress}", lines[1]);

        File.Delete(Folder);
        Directory.CreateDirectory(Folder);
        var (recovered, output, recoveryError) = await CliRun.Run(Words(lines[1]));

        Assert.True(recovered == 0, recoveryError);
        Assert.Contains($"saved {Out}", output, StringComparison.Ordinal);
        Assert.Equal(new Media.Mp4Info(1366, 768, TimeSpan.FromSeconds(5)), Media.Mp4Info.Read(Out));
        Assert.Single(_simulator.Admin.Tasks);
    }

    [Fact]
    public async Task Ctrl_C_after_the_submit_names_the_task_and_the_download_that_recovers_it()
    {
        using var cancel = new CancellationTokenSource();

        var (exit, _, error) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { Simulator = _simulator, TaskSubmitted = _ => cancel.Cancel() },
            cancel.Token,
            "generate", "--sim", "--prompt", "A cat", "--out", Out);

        Assert.Equal(130, exit);
        var task = Assert.Single(_simulator.Admin.Tasks);
        var lines = error.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal($"error: cancelled. Task {task.Id} was submitted and is paid for; this command fetches its video, waiting for it if it is still rendering:", lines[0]);
        Assert.Equal($"  hailuo download {task.Id} --out {Out} --base-url {_simulator.BaseAddress}", lines[1]);
        Assert.False(File.Exists(Out));

        _simulator.Clock.Advance(TimeSpan.FromMinutes(10));
        var (recovered, _, recoveryError) = await CliRun.Run(Words(lines[1]));

        Assert.True(recovered == 0, recoveryError);
        Assert.Equal(new Media.Mp4Info(1366, 768, TimeSpan.FromSeconds(5)), Media.Mp4Info.Read(Out));
    }

    [Fact]
    public async Task Ctrl_C_after_the_submit_on_the_embedded_simulator_names_the_task_and_says_it_ends_with_the_run()
    {
        using var cancel = new CancellationTokenSource();
        string? submitted = null;

        var (exit, _, error) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error) { SimulatorOptions = FilmRunner.Quick, TaskSubmitted = t => { submitted = t.Id; cancel.Cancel(); } },
            cancel.Token,
            "generate", "--sim", "--prompt", "A cat", "--out", Out);

        Assert.Equal(130, exit);
        Assert.Equal($"error: cancelled. Task {submitted} was on the embedded simulator, which ends with this run: nothing was paid; run the command again.", error.Trim());
    }

    [Fact]
    public async Task A_film_whose_clip_cannot_be_saved_names_the_paid_task_and_the_rerun_resumes_it_without_paying_again()
    {
        string[] film = ["generate", "--sim", "--prompt", "A kite", "--resolution", "1080p", "--duration", "10", "--stitch", "--out", Out, "--ledger", Path.Combine(_directory, "jobs.db")];
        var sabotaged = false;

        var (exit, _, error) = await FilmRunner.Run(
            c => new CliConsole(c.Output, c.Error)
            {
                Simulator = _simulator,
                ShotChanged = e =>
                {
                    if (e.State == Hailuo.Jobs.JobState.Submitted && !sabotaged)
                    {
                        sabotaged = true;
                        ReplaceFolderWithFile();
                    }
                },
            },
            film);

        Assert.Equal(13, exit);
        var task = Assert.Single(_simulator.Admin.Tasks);
        Assert.StartsWith("error: a clip or the film could not be saved: ", error, StringComparison.Ordinal);
        Assert.Contains($". The ledger {Path.Combine(_directory, "jobs.db")} keeps the paid tasks of shot 1: task {task.Id}; once the cause is fixed, run the same command again", error, StringComparison.Ordinal);

        File.Delete(Folder);
        Directory.CreateDirectory(Folder);
        var (rerun, output, rerunError) = await FilmRunner.Run(c => new CliConsole(c.Output, c.Error) { Simulator = _simulator }, film);

        Assert.True(rerun == 0, rerunError + output);
        Assert.Equal(2, _simulator.Admin.Tasks.Count);
        Assert.True(File.Exists(Out));
    }

    [Fact]
    public void The_recovery_names_a_provider_other_than_the_default_and_quotes_a_path_for_the_shell()
    {
        var minimax = HailuoSpec.Providers.Single(p => p.Dialect == WireDialect.MiniMax);
        var task = VideoTask.FromId("391552", minimax.Name);

        var recovery = TaskRecovery.For(task, minimax, new FileInfo("/tmp/my film's cut.mp4"), null, endsWithRun: false);

        Assert.Equal("hailuo download 391552 --out '/tmp/my film'\\''s cut.mp4' --provider minimax", recovery.Command);
    }

    // The printed command as a shell splits it; these paths need no quotes.
    private static string[] Words(string command) => command.Trim().Split(' ')[1..];

    private void ReplaceFolderWithFile()
    {
        Directory.Delete(Folder, recursive: true);
        File.WriteAllText(Folder, "in the way");
    }
}
