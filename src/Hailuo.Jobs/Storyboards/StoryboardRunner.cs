using System.Globalization;
using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>
/// Runs a planned storyboard: each clip a durable job keyed by its content (and its take), chained clips fed the previous
/// clip's last frame, then the clips stitched into one MP4. A shot the ledger already holds is reused, so a rerun resumes
/// and an edited storyboard pays only for the shots that changed (and, when chained, the shots after them).
/// </summary>
public sealed class StoryboardRunner
{
    private readonly HailuoJobRunner _jobs;
    private readonly VideoTools _tools;

    /// <summary>A runner over a job runner; <paramref name="tools"/> is made first, so a missing ffmpeg fails before anything.</summary>
    public StoryboardRunner(HailuoJobRunner jobs, VideoTools tools)
    {
        _jobs = jobs ?? throw new ArgumentNullException(nameof(jobs));
        _tools = tools ?? throw new ArgumentNullException(nameof(tools));
    }

    /// <summary>
    /// Finds each shot's job in the ledger, reading only: reuse (stored), resume (in the ledger, not yet stored) or render.
    /// The newest take is used unless the storyboard pins one; <see cref="StoryboardRunOptions.Redo"/> renders a new take.
    /// </summary>
    /// <exception cref="StoryboardException">A pinned take is not in the ledger, or a shot to redo is not in the plan or is pinned.</exception>
    public Task<StoryboardJobs> PrepareAsync(StoryboardPlan plan, StoryboardRunOptions? options = null, CancellationToken cancellationToken = default) =>
        PrepareAsync(_jobs.Store, plan, options, cancellationToken);

    /// <summary>Finds each shot's job in <paramref name="ledger"/>, as <see cref="PrepareAsync(StoryboardPlan, StoryboardRunOptions?, CancellationToken)"/> does, before a client exists.</summary>
    /// <exception cref="StoryboardException">A pinned take is not in the ledger, or a shot to redo is not in the plan or is pinned.</exception>
    public static async Task<StoryboardJobs> PrepareAsync(IJobStore ledger, StoryboardPlan plan, StoryboardRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new StoryboardRunOptions();
        options.Check(plan);
        var shots = new List<ShotJob>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var clip in plan.Clips)
        {
            var basis = ShotKeys.Content(plan, clip, options.Scope, previous, 0);
            var occurrence = seen[basis] = seen.GetValueOrDefault(basis, -1) + 1;
            var content = occurrence == 0 ? basis : ShotKeys.Content(plan, clip, options.Scope, previous, occurrence);
            var shot = await ShotAsync(ledger, clip, content, options, cancellationToken).ConfigureAwait(false);
            shots.Add(shot);
            previous = shot.Key;
        }

        return new StoryboardJobs(plan, shots);
    }

    /// <summary>Prepares and runs (or resumes) <paramref name="plan"/>, and stitches it into <paramref name="output"/>.</summary>
    /// <exception cref="HailuoBudgetExceededException">The shots to render would pass the budget; nothing was written or sent.</exception>
    /// <exception cref="StoryboardException">A pinned take or a shot to redo is wrong; nothing was written or sent.</exception>
    public async Task<StoryboardResult> RunAsync(StoryboardPlan plan, string output, StoryboardRunOptions? options = null, IProgress<JobEvent>? progress = null, JobBudget? budget = null, CancellationToken cancellationToken = default)
    {
        var jobs = await PrepareAsync(plan, options, cancellationToken).ConfigureAwait(false);
        return await RunAsync(jobs, output, progress, budget, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs (or resumes) prepared shots and stitches them into <paramref name="output"/>.</summary>
    /// <exception cref="HailuoBudgetExceededException">The shots to render would pass the budget; nothing was written or sent.</exception>
    public async Task<StoryboardResult> RunAsync(StoryboardJobs jobs, string output, IProgress<JobEvent>? progress = null, JobBudget? budget = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);

        // The whole storyboard is held to the cap before its first request, not clip by clip: only what will be paid counts.
        budget?.Reserve("storyboard", jobs.RenderDollars);
        var clips = jobs.Plan.Mode == StoryboardMode.Chained
            ? await RunChainedAsync(jobs, progress, cancellationToken).ConfigureAwait(false)
            : await Task.WhenAll(jobs.Shots.Select(s => _jobs.RunAsync(s.Key, s.Clip.Request, progress, null, cancellationToken))).ConfigureAwait(false);
        if (clips.Count < jobs.Shots.Count || clips.Any(c => c.State != JobState.Stored))
        {
            return new StoryboardResult(clips, null) { Shots = jobs.Shots };
        }

        var film = await _tools.StitchAsync(clips.Select(c => c.Location!).ToList(), output, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new StoryboardResult(clips, film) { Shots = jobs.Shots };
    }

    private static async Task<ShotJob> ShotAsync(IJobStore ledger, PlannedClip clip, string content, StoryboardRunOptions options, CancellationToken cancellationToken)
    {
        var takes = 0;
        while (await ledger.FindAsync(ShotKeys.Take(content, takes + 1), cancellationToken).ConfigureAwait(false) is not null)
        {
            takes++;
        }

        if (clip.PinnedTake is { } pinned)
        {
            if (pinned > takes)
            {
                var held = takes == 0 ? "no take of it yet" : string.Create(CultureInfo.InvariantCulture, $"takes 1 to {takes}");
                throw new StoryboardException(string.Create(CultureInfo.InvariantCulture,
                    $"shots[{clip.Number - 1}].take is {pinned}, but the ledger holds {held} for shot {clip.Number} as written{(takes == 0 ? string.Empty : "; allowed: 1 to " + takes.ToString(CultureInfo.InvariantCulture))}; remove the pin to use the newest take."));
            }

            return await KnownAsync(ledger, clip, ShotKeys.Take(content, pinned), pinned, cancellationToken).ConfigureAwait(false);
        }

        if (options.Redo.Contains(clip.Number))
        {
            return new ShotJob(clip, ShotKeys.Take(content, takes + 1), takes + 1, ShotWork.Render, takes > 0);
        }

        if (takes > 0)
        {
            return await KnownAsync(ledger, clip, ShotKeys.Take(content, takes), takes, cancellationToken).ConfigureAwait(false);
        }

        if (options.FormerKey is { } former && await ledger.FindAsync(ShotKeys.Former(former, clip.Number), cancellationToken).ConfigureAwait(false) is { } old)
        {
            return new ShotJob(clip, old.Key, 1, old.State == JobState.Stored ? ShotWork.Reuse : ShotWork.Resume, false);
        }

        return new ShotJob(clip, ShotKeys.Take(content, 1), 1, ShotWork.Render, false);
    }

    private static async Task<ShotJob> KnownAsync(IJobStore ledger, PlannedClip clip, string key, int take, CancellationToken cancellationToken)
    {
        var job = await ledger.FindAsync(key, cancellationToken).ConfigureAwait(false);
        return new ShotJob(clip, key, take, job?.State == JobState.Stored ? ShotWork.Reuse : ShotWork.Resume, false);
    }

    private async Task<IReadOnlyList<JobRecord>> RunChainedAsync(StoryboardJobs jobs, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        var done = new List<JobRecord>();
        foreach (var shot in jobs.Shots)
        {
            var request = shot.Clip.Request;
            if (shot.Clip.ChainsFromPrevious && await _jobs.Store.FindAsync(shot.Key, cancellationToken).ConfigureAwait(false) is null)
            {
                request = await ChainAsync(request, done[^1], cancellationToken).ConfigureAwait(false);
            }

            var job = await _jobs.RunAsync(shot.Key, request, progress, null, cancellationToken).ConfigureAwait(false);
            done.Add(job);
            if (job.State != JobState.Stored)
            {
                break;
            }
        }

        return done;
    }

    private async Task<VideoGenerationRequest> ChainAsync(VideoGenerationRequest request, JobRecord previous, CancellationToken cancellationToken)
    {
        var frame = Path.Combine(Path.GetTempPath(), "hailuo-frames", JobFileNames.For(previous.Key) + ".last.png");
        await _tools.ExtractLastFrameAsync(previous.Location!, frame, cancellationToken).ConfigureAwait(false);
        var bytes = await File.ReadAllBytesAsync(frame, cancellationToken).ConfigureAwait(false);
        File.Delete(frame);
        return new VideoGenerationRequest
        {
            Model = request.Model,
            Prompt = request.Prompt,
            Resolution = request.Resolution,
            Duration = request.Duration,
            LastFrameImage = request.LastFrameImage,
            FirstFrameImage = "data:image/png;base64," + Convert.ToBase64String(bytes),
        };
    }
}
