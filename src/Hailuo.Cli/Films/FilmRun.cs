using System.Globalization;
using Hailuo.Cli.Generation;
using Hailuo.Cli.Media;
using Hailuo.Contracts;
using Hailuo.Jobs;

namespace Hailuo.Cli.Films;

/// <summary>
/// One film run of `hailuo story` or `hailuo generate --stitch`: plan, print the plan and its cost, then run every shot
/// as a durable job on the ledger and stitch the clips. Nothing is sent and the ledger is not opened until the plan,
/// the key and ffmpeg are known to be good.
/// </summary>
internal sealed class FilmRun
{
    private readonly CliConsole _console;

    public FilmRun(CliConsole console)
    {
        _console = console;
    }

    public async Task<int> RunAsync(Storyboard storyboard, ProviderInfo provider, FilmArguments arguments, CancellationToken cancellationToken)
    {
        StoryboardPlan plan;
        try
        {
            plan = StoryboardPlanner.Plan(storyboard, provider);
        }
        catch (StoryboardException e)
        {
            return _console.Fail(ExitCodes.InvalidInput, e.Message);
        }

        if (arguments.Budget is < 0)
        {
            return _console.Fail(ExitCodes.InvalidInput, $"--budget is {arguments.Budget.Value.ToString(CultureInfo.InvariantCulture)}; it must be 0 or more US dollars.");
        }

        var key = Environment.GetEnvironmentVariable(provider.ApiKeyEnvironmentVariable);
        if (!arguments.Sim && string.IsNullOrWhiteSpace(key))
        {
            return _console.Fail(ExitCodes.Authentication, ClientFactory.NoKey(provider));
        }

        VideoTools tools;
        try
        {
            tools = new VideoTools(_console.FfmpegFolder);
        }
        catch (FfmpegMissingException e)
        {
            return _console.Fail(ExitCodes.FfmpegMissing, e.Message);
        }

        PlanText.Write(_console.Output, plan, provider.Name + (arguments.Sim ? " (simulator)" : string.Empty));
        var filmKey = FilmKey.Of(plan, arguments.Sim);
        using var ledger = new SqliteJobStore(arguments.LedgerPath);
        var stored = await StoredAsync(ledger, filmKey, plan).ConfigureAwait(false);
        _console.Output.WriteLine($"ledger {ledger.Path}, film {filmKey}" + (stored > 0 ? $": {ShotText.Shots(stored)} of {plan.Clips.Count} already stored, not submitted again" : string.Empty));
        try
        {
            await using var session = arguments.Sim ? await SimulatorSession.OpenAsync(_console, cancellationToken).ConfigureAwait(false) : null;
            using var client = session?.CreateClient(provider) ?? new HailuoClient(ClientFactory.Options(provider, key!));
            if (session is { StartedEmpty: true })
            {
                await ForgetSimulatedTasksAsync(ledger, filmKey, plan).ConfigureAwait(false);
            }

            var clock = session?.Clock ?? TimeProvider.System;
            var jobs = new HailuoJobRunner(client, ledger, new LocalFolderSink(arguments.ClipsFolder), new HailuoJobOptions
            {
                // Beside the sink's folder, so a landed download moves into place in one rename.
                StagingFolder = Path.Combine(arguments.ClipsFolder, "staging"),
                TimeProvider = clock,
            });
            var budget = arguments.Budget is { } cap ? new JobBudget(cap) : null;
            var runner = new StoryboardRunner(jobs, tools);
            using var guard = new SubmitGuard(cancellationToken);
            var result = await ShotProgress.RunAsync(_console, filmKey, plan, clock, guard.Observe, progress => runner.RunAsync(filmKey, plan, arguments.Out.FullName, progress, budget, guard.Token)).ConfigureAwait(false);
            return Finish(result, arguments);
        }
        catch (OperationCanceledException)
        {
            stored = await StoredAsync(ledger, filmKey, plan).ConfigureAwait(false);
            return _console.Fail(ExitCodes.Cancelled, $"cancelled with {ShotText.Shots(stored)} of {plan.Clips.Count} stored in the ledger {ledger.Path}. Run the same command again (same --out, same ledger) to resume: stored shots are not submitted again.");
        }
        catch (HailuoBudgetExceededException e)
        {
            return _console.Fail(ExitCodes.InvalidInput, "--budget: " + e.Message);
        }
        catch (Exception e) when (e is HailuoException or IOException or UnauthorizedAccessException or HttpRequestException)
        {
            return ErrorReporter.Report(_console, e, arguments.Verbose);
        }
    }

    private static async Task<int> StoredAsync(SqliteJobStore ledger, string filmKey, StoryboardPlan plan)
    {
        var stored = 0;
        foreach (var clip in plan.Clips)
        {
            // Read even after Ctrl-C: the message must say what the ledger holds.
            if (await ledger.FindAsync(StoryboardRunner.ShotKey(filmKey, clip.Number), CancellationToken.None).ConfigureAwait(false) is { State: JobState.Stored })
            {
                stored++;
            }
        }

        return stored;
    }

    // The simulator of an earlier run took its tasks with it: a shot it had not finished is submitted again, at no cost.
    private async Task ForgetSimulatedTasksAsync(SqliteJobStore ledger, string filmKey, StoryboardPlan plan)
    {
        foreach (var clip in plan.Clips)
        {
            if (await ledger.FindAsync(StoryboardRunner.ShotKey(filmKey, clip.Number), CancellationToken.None).ConfigureAwait(false) is { } job
                && job.State is JobState.Submitting or JobState.Submitted or JobState.Completed or JobState.OutcomeUnknown)
            {
                // A compare-and-set like every ledger write: a job another writer moved on meanwhile is left as it is.
                if (await ledger.TrySaveAsync(job with { State = JobState.Created, TaskId = null, SubmitSentAt = null, Error = null }, CancellationToken.None).ConfigureAwait(false) is null)
                {
                    continue;
                }

                _console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shot {clip.Number}: its task {job.TaskId ?? "(not yet known)"} was on the earlier run's simulator, which kept it in memory only; submitting it again (simulated, no cost)"));
            }
        }
    }

    private int Finish(StoryboardResult result, FilmArguments arguments)
    {
        if (result.Stopped is { } stopped)
        {
            var number = result.Clips.ToList().IndexOf(stopped) + 1;
            var code = stopped.State == JobState.OutcomeUnknown ? ExitCodes.SubmitOutcomeUnknown : ExitCodes.TaskFailed;
            return _console.Fail(code, string.Create(CultureInfo.InvariantCulture, $"shot {number} {(stopped.State == JobState.OutcomeUnknown ? "ended with its submit outcome unknown" : "failed")}: {stopped.Error} The ledger {arguments.LedgerPath} keeps it; no shot after it was submitted."));
        }

        var film = result.Film!;
        var info = Mp4Info.Read(film.Path);
        var shape = info is null ? "not a readable MP4" : string.Create(CultureInfo.InvariantCulture, $"{info.Width}x{info.Height}, {info.Duration.TotalSeconds:0.0} s");
        var joined = film.StreamCopy ? "joined by stream copy" : "re-encoded to match";
        _console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"saved {film.Path} ({new FileInfo(film.Path).Length:N0} bytes, {shape}; {film.Clips} clips {joined})"));
        return ExitCodes.Success;
    }
}
