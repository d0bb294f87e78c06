using System.Globalization;
using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>
/// Runs a planned storyboard: each clip a durable job keyed "{storyboard key}/shot-NN", chained clips fed the previous
/// clip's last frame, then the clips stitched into one MP4. Run it again with the same key and ledger to resume.
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

    /// <summary>The job key of a storyboard's shot.</summary>
    public static string ShotKey(string storyboardKey, int number) => storyboardKey + "/shot-" + number.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Runs (or resumes) the storyboard <paramref name="key"/> and stitches it into <paramref name="output"/>.</summary>
    /// <exception cref="HailuoBudgetExceededException">The plan's total would pass the budget; nothing was written or sent.</exception>
    public async Task<StoryboardResult> RunAsync(string key, StoryboardPlan plan, string output, IProgress<JobEvent>? progress = null, JobBudget? budget = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        var fresh = new List<PlannedClip>();
        foreach (var clip in plan.Clips)
        {
            if (await _jobs.Store.FindAsync(ShotKey(key, clip.Number), cancellationToken).ConfigureAwait(false) is null)
            {
                fresh.Add(clip);
            }
        }

        // The whole storyboard is held to the cap before its first request, not clip by clip.
        budget?.Reserve(key, fresh.All(c => c.Cost.Dollars is not null) ? fresh.Sum(c => c.Cost.Dollars!.Value) : null);
        var clips = plan.Mode == StoryboardMode.Chained
            ? await RunChainedAsync(key, plan, progress, cancellationToken).ConfigureAwait(false)
            : await Task.WhenAll(plan.Clips.Select(c => _jobs.RunAsync(ShotKey(key, c.Number), c.Request, progress, null, cancellationToken))).ConfigureAwait(false);
        if (clips.Count < plan.Clips.Count || clips.Any(c => c.State != JobState.Stored))
        {
            return new StoryboardResult(clips, null);
        }

        var film = await _tools.StitchAsync(clips.Select(c => c.Location!).ToList(), output, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new StoryboardResult(clips, film);
    }

    private async Task<IReadOnlyList<JobRecord>> RunChainedAsync(string key, StoryboardPlan plan, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        var done = new List<JobRecord>();
        foreach (var clip in plan.Clips)
        {
            var request = clip.Request;
            if (clip.ChainsFromPrevious && await _jobs.Store.FindAsync(ShotKey(key, clip.Number), cancellationToken).ConfigureAwait(false) is null)
            {
                request = await ChainAsync(request, done[^1], cancellationToken).ConfigureAwait(false);
            }

            var job = await _jobs.RunAsync(ShotKey(key, clip.Number), request, progress, null, cancellationToken).ConfigureAwait(false);
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
