using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>The steps after the submit: one poll of the task, then the download into the sink.</summary>
public sealed partial class HailuoJobSteps
{
    private async Task<StepOutcome> PollAsync(JobRecord job, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        var (task, retryAt) = await ReadTaskAsync(job, cancellationToken).ConfigureAwait(false);
        if (task is null)
        {
            return new StepOutcome(job, "poll failed for now", retryAt);
        }

        Report(job, progress, "polled", task.Status);
        if (task.Status == VideoTaskStatus.Completed)
        {
            return Next((await UpdateAsync(job, j => j.State == JobState.Submitted && j.TaskId == job.TaskId ? j with { State = JobState.Completed, CompletedAt = Now, Error = null } : null, progress, "task completed").ConfigureAwait(false)).Job, "task completed");
        }

        if (!task.IsTerminal)
        {
            return new StepOutcome(job, "polled", Now + PollInterval);
        }

        var said = string.IsNullOrWhiteSpace(task.ErrorMessage) ? string.Empty : ": " + task.ErrorMessage.TrimEnd('.', ' ');
        var error = $"Task {task.Id} on {task.Provider} {task.Status.ToString().ToLowerInvariant()}{(task.ErrorCode is null ? string.Empty : " (code " + task.ErrorCode + ")")}{said}.";
        var (failed, written) = await UpdateAsync(job, j => j.State == JobState.Submitted && j.TaskId == job.TaskId ? j with { State = JobState.Failed, Error = error } : null, progress, "task failed").ConfigureAwait(false);
        if (written)
        {
            HailuoJobsTelemetry.Failed.Add(1);
        }

        return Next(failed, "task failed");
    }

    private async Task<StepOutcome> StoreVideoAsync(JobRecord job, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        var staging = _staging.NewFile(job.Key);
        try
        {
            try
            {
                // One poll gives a fresh URL (after a restart, or on another worker); the download refreshes an expired one itself.
                var (task, retryAt) = await ReadTaskAsync(job, cancellationToken).ConfigureAwait(false);
                if (task is not { Status: VideoTaskStatus.Completed })
                {
                    return new StepOutcome(job, "poll failed for now", retryAt);
                }

                await Client.DownloadAsync(task, staging, cancellationToken).ConfigureAwait(false);
            }
            catch (HailuoUrlExpiredException e) when (e.VideoGone || Now >= (job.CompletedAt ?? job.UpdatedAt) + Options.VideoRetention)
            {
                var (failed, written) = await UpdateAsync(job, j => j.State == JobState.Completed && j.TaskId == job.TaskId ? j with { State = JobState.Failed, Error = "The provider no longer keeps this video: " + e.Message } : null, progress, "video expired").ConfigureAwait(false);
                if (written)
                {
                    HailuoJobsTelemetry.Failed.Add(1);
                }

                return Next(failed, "video expired");
            }
            catch (HailuoUrlExpiredException e)
            {
                // The provider still keeps the file (it did not say it is gone, and its retention has not passed): try again later.
                var (kept, _) = await UpdateAsync(job, j => j.State == JobState.Completed && j.TaskId == job.TaskId ? j with { Error = "Fresh download URLs did not help yet; the video is kept, resuming retries: " + e.Message } : null, progress, "download refused for now; the job stays completed").ConfigureAwait(false);
                return new StepOutcome(kept, "download refused for now", Now + PollInterval, Interruption: e);
            }

            var (sha256, bytes) = await HashAsync(staging, cancellationToken).ConfigureAwait(false);
            var location = await _sink.StoreAsync(job.Key, staging, cancellationToken).ConfigureAwait(false);
            var (stored, mine) = await UpdateAsync(job, j => j.State == JobState.Completed && j.TaskId == job.TaskId ? j with { State = JobState.Stored, Location = location, Sha256 = sha256, Bytes = bytes, Error = null } : null, progress, "stored").ConfigureAwait(false);
            if (mine)
            {
                HailuoJobsTelemetry.Completed.Add(1);
            }

            return Next(stored, "stored");
        }
        finally
        {
            // A download that did not reach the sink leaves nothing behind in staging.
            File.Delete(staging);
        }
    }

    /// <summary>One read of the task's status (with its video URL when completed); after a transient failure, none, and when to read again (a 429's Retry-After when longer than the interval).</summary>
    private async Task<(VideoTask? Task, DateTimeOffset RetryAt)> ReadTaskAsync(JobRecord job, CancellationToken cancellationToken)
    {
        try
        {
            return (await Client.GetTaskAsync(job.TaskId!, cancellationToken).ConfigureAwait(false), Now);
        }
        catch (HailuoException e) when (e.IsTransient)
        {
            return (null, Now + Longer(PollInterval, e.RetryAfter));
        }
    }
}
