using System.Globalization;
using Hailuo.Cli.Generation;
using Hailuo.Cli.Media;
using Hailuo.Cli.Output;
using Hailuo.Contracts;
using Hailuo.Jobs;

namespace Hailuo.Cli.Films;

/// <summary>
/// One film run of `hailuo story` or `hailuo generate --stitch`: plan, find each shot's job in the ledger, print the plan
/// with what is reused and what rendered and what that costs, then run the shots as durable jobs, stitch the clips and
/// draw the contact sheet. Nothing is sent until the plan, the options, the key and ffmpeg are known to be good.
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
        StoryboardPlan final;
        StoryboardPlan plan;
        var options = new StoryboardRunOptions { Redo = arguments.Redo, Scope = arguments.Sim ? "simulator" : null };
        try
        {
            final = StoryboardPlanner.Plan(storyboard, provider);
            plan = arguments.Draft ? Draft(storyboard, provider) : final;
            options.Check(plan);
        }
        catch (StoryboardException e)
        {
            return _console.Fail(ExitCodes.InvalidInput, e.Message);
        }

        if (arguments.Budget is < 0)
        {
            return _console.Fail(ExitCodes.InvalidInput, $"--budget is {arguments.Budget.Value.ToString(CultureInfo.InvariantCulture)}; it must be 0 or more US dollars.");
        }

        var (baseAddress, wrongAddress) = ClientFactory.BaseAddress(arguments.BaseUrl, arguments.Sim);
        if (wrongAddress is not null)
        {
            return _console.Fail(ExitCodes.InvalidInput, wrongAddress);
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

        if (OutputCheck.Problem("--out", arguments.Out, FilmBytes(plan), _console.Disk) is { } unwritable)
        {
            return _console.Fail(ExitCodes.OutputNotWritable, unwritable + " Nothing was submitted.");
        }

        // A ledger from before content keys holds the final film under the plan's key: it is resumed, not paid again.
        options = options with { FormerKey = arguments.Draft ? null : FilmKey.Former(final, arguments.Sim) };
        var (opened, ledgerProblem) = LedgerFile.Open(arguments.LedgerPath, _console.Disk);
        if (opened is null)
        {
            return _console.Fail(ExitCodes.OutputNotWritable, ledgerProblem + " Nothing was submitted.");
        }

        using var ledger = opened;
        StoryboardJobs jobs;
        try
        {
            jobs = await StoryboardRunner.PrepareAsync(ledger, plan, options, cancellationToken).ConfigureAwait(false);
        }
        catch (StoryboardException e)
        {
            return _console.Fail(ExitCodes.InvalidInput, e.Message);
        }

        PlanText.Write(_console.Output, jobs, final, provider.Name + (arguments.Sim ? " (simulator)" : baseAddress is null ? string.Empty : " at " + baseAddress));
        _console.Output.WriteLine($"ledger {ledger.Path}");
        try
        {
            await using var session = arguments.Sim ? await SimulatorSession.OpenAsync(_console, cancellationToken).ConfigureAwait(false) : null;
            using var client = session?.CreateClient(provider) ?? new HailuoClient(ClientFactory.Options(provider, key!, baseAddress));
            if (session is { StartedEmpty: true })
            {
                await ForgetSimulatedTasksAsync(ledger, jobs).ConfigureAwait(false);
            }

            var clock = session?.Clock ?? TimeProvider.System;
            var runner = new HailuoJobRunner(client, ledger, new LocalFolderSink(arguments.ClipsFolder), new HailuoJobOptions
            {
                // Beside the sink's folder, so a landed download moves into place in one rename.
                StagingFolder = Path.Combine(arguments.ClipsFolder, "staging"),
                TimeProvider = clock,
            });
            var budget = arguments.Budget is { } cap ? new JobBudget(cap) : null;
            var films = new StoryboardRunner(runner, tools);
            using var guard = new SubmitGuard(cancellationToken);
            var result = await ShotProgress.RunAsync(_console, jobs, clock, guard.Observe, progress => films.RunAsync(jobs, arguments.FilmPath, progress, budget, guard.Token)).ConfigureAwait(false);
            return await FinishAsync(jobs, result, tools, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            var stored = await StoredAsync(ledger, jobs).ConfigureAwait(false);
            return _console.Fail(ExitCodes.Cancelled, $"cancelled with {ShotText.Shots(stored)} of {plan.Clips.Count} stored in the ledger {ledger.Path}. Run the same command again (same --out, same ledger) to resume: stored shots are not submitted again.");
        }
        catch (HailuoBudgetExceededException e)
        {
            return _console.Fail(ExitCodes.InvalidInput, "--budget: " + e.Message);
        }
        catch (Exception e) when (e is HailuoException or IOException or UnauthorizedAccessException or HttpRequestException)
        {
            return await FilmRecovery.ReportAsync(_console, e, ledger, jobs, arguments.Verbose).ConfigureAwait(false);
        }
    }

    // The clips stay in FILE.clips beside the stitched film, so the film needs its own size twice.
    private static long FilmBytes(StoryboardPlan plan) => 2 * plan.Clips.Sum(c => VideoSize.Estimate(c.Request.Resolution!, c.Request.Duration!.Value));

    private static StoryboardPlan Draft(Storyboard storyboard, ProviderInfo provider)
    {
        try
        {
            return StoryboardPlanner.Plan(storyboard, provider, draft: true);
        }
        catch (StoryboardException e)
        {
            throw new StoryboardException("--draft: " + e.Message, e);
        }
    }

    private static async Task<int> StoredAsync(SqliteJobStore ledger, StoryboardJobs jobs)
    {
        var stored = 0;
        foreach (var shot in jobs.Shots)
        {
            // Read even after Ctrl-C: the message must say what the ledger holds.
            if (await ledger.FindAsync(shot.Key, CancellationToken.None).ConfigureAwait(false) is { State: JobState.Stored })
            {
                stored++;
            }
        }

        return stored;
    }

    // The simulator of an earlier run took its tasks with it: a shot it had not finished is submitted again, at no cost.
    private async Task ForgetSimulatedTasksAsync(SqliteJobStore ledger, StoryboardJobs jobs)
    {
        foreach (var shot in jobs.Shots)
        {
            if (await ledger.FindAsync(shot.Key, CancellationToken.None).ConfigureAwait(false) is { } job
                && job.State is JobState.Submitting or JobState.Submitted or JobState.Completed or JobState.OutcomeUnknown)
            {
                // A compare-and-set like every ledger write: a job another writer moved on meanwhile is left as it is.
                if (await ledger.TrySaveAsync(job with { State = JobState.Created, TaskId = null, SubmitSentAt = null, Error = null }, CancellationToken.None).ConfigureAwait(false) is null)
                {
                    continue;
                }

                _console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shot {shot.Clip.Number}: its task {job.TaskId ?? "(not yet known)"} was on the earlier run's simulator, which kept it in memory only; submitting it again (simulated, no cost)"));
            }
        }
    }

    private async Task<int> FinishAsync(StoryboardJobs jobs, StoryboardResult result, VideoTools tools, FilmArguments arguments, CancellationToken cancellationToken)
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
        _console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"saved {(jobs.Plan.Draft ? "the draft " : string.Empty)}{film.Path} ({new FileInfo(film.Path).Length:N0} bytes, {shape}; {film.Clips} clips {joined})"));
        try
        {
            var sheet = await new ContactSheet(tools).WriteAsync(jobs, result, arguments.ContactSheetPath, cancellationToken).ConfigureAwait(false);
            _console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"contact sheet {sheet.Path} ({sheet.Width}x{sheet.Height}, {ShotText.Shots(sheet.Rows.Count)})"));
        }
        catch (FFMpegCore.Exceptions.FFMpegException e)
        {
            // The film is whole; a sheet ffmpeg cannot draw (no font) is said, not fatal.
            _console.Error.WriteLine("warning: the contact sheet was not drawn: " + e.Message.Split('\n')[0]);
        }

        return ExitCodes.Success;
    }
}
