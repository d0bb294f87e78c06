using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>
/// Runs jobs (one clip each) over a <see cref="HailuoClient"/>, writing every step to the ledger before the next starts:
/// the submit intent before the POST, the task id the moment it is known, the stored file's location and hash once it
/// has landed. Idempotent by job key; a submit whose outcome is unknown is never sent again silently.
/// </summary>
public sealed class HailuoJobRunner
{
    private readonly HailuoClient _client;
    private readonly IVideoSink _sink;
    private readonly HailuoJobOptions _options;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _callbackWaiters = new(StringComparer.Ordinal);

    // One run per key inside the process: a second caller of a running key shares its run instead of judging its state.
    private readonly ConcurrentDictionary<string, Lazy<Task<JobRecord>>> _running = new(StringComparer.Ordinal);
    private readonly StagingArea _staging;

    /// <summary>A runner over a client, a ledger and a sink.</summary>
    public HailuoJobRunner(HailuoClient client, IJobStore store, IVideoSink sink, HailuoJobOptions? options = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Store = store ?? throw new ArgumentNullException(nameof(store));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _options = options ?? new HailuoJobOptions();
        _staging = new StagingArea(_options.StagingFolder);
    }

    /// <summary>Raised after every ledger write and every poll of a job's task.</summary>
    public event EventHandler<JobEvent>? Changed;

    /// <summary>The ledger.</summary>
    public IJobStore Store { get; }

    /// <summary>The client the jobs run on.</summary>
    public HailuoClient Client => _client;

    /// <summary>
    /// Starts the job <paramref name="key"/> and runs it to its end (stored, failed or outcome unknown). A key already in
    /// the ledger returns (and continues) that job: it is never submitted again.
    /// </summary>
    /// <exception cref="HailuoBudgetExceededException">The job would pass the budget; nothing was written or sent.</exception>
    public async Task<JobRecord> RunAsync(string key, VideoGenerationRequest request, IProgress<JobEvent>? progress = null, JobBudget? budget = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(request);
        return await Once(key, async () =>
        {
            var existing = await Store.FindAsync(key, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return await ContinueAsync(existing, progress, cancellationToken).ConfigureAwait(false);
            }

            var job = NewJob(key, request);
            (budget ?? _options.Budget)?.Reserve(key, job.EstimatedDollars);
            var held = await Store.AddOrGetAsync(job, cancellationToken).ConfigureAwait(false);
            if (held.CreatedAt == job.CreatedAt && held.Request == job.Request)
            {
                HailuoJobsTelemetry.Started.Add(1);
                Report(held, progress, "recorded");
            }

            return await ContinueAsync(held, progress, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Continues the job <paramref name="key"/> from the ledger to its end.</summary>
    /// <exception cref="KeyNotFoundException">The ledger holds no such job.</exception>
    public async Task<JobRecord> ResumeAsync(string key, IProgress<JobEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        return await Once(key, async () =>
        {
            var job = await Store.FindAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"The ledger {Store} holds no job with key '{key}'.");
            HailuoJobsTelemetry.Resumed.Add(1);
            return await ContinueAsync(job, progress, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Continues every unfinished job of the ledger, concurrently, and returns them as they ended.</summary>
    public async Task<IReadOnlyList<JobRecord>> ResumeAllAsync(IProgress<JobEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        var unfinished = await Store.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(unfinished.Select(j => ResumeAsync(j.Key, progress, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// A callback revealed the task of job <paramref name="key"/>: records it when the job had none (its submit's answer
    /// was lost or is late). Returns false for unknown jobs, jobs that already have a task (a duplicate, a replay, or a
    /// concurrent callback that won), and an id not of the provider's shape.
    /// </summary>
    public async Task<bool> AdoptTaskAsync(string key, string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        if (!TaskIds.IsWellFormed(_client.Provider.Dialect, taskId))
        {
            return false;
        }

        var job = await Store.FindAsync(key, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return false;
        }

        var (adopted, written) = await UpdateAsync(job, j => j.TaskId is null && j.State is JobState.Submitting or JobState.OutcomeUnknown ? j with { TaskId = taskId, State = JobState.Submitted, Error = null } : null, null, "task id revealed by the provider's callback").ConfigureAwait(false);
        if (written && _callbackWaiters.TryGetValue(key, out var waiter))
        {
            waiter.TrySetResult();
        }

        return written && adopted.TaskId == taskId;
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    private async Task<JobRecord> Once(string key, Func<Task<JobRecord>> run)
    {
        var mine = new Lazy<Task<JobRecord>>(run);
        var current = _running.GetOrAdd(key, mine);
        try
        {
            return await current.Value.ConfigureAwait(false);
        }
        finally
        {
            if (ReferenceEquals(current, mine))
            {
                _running.TryRemove(new KeyValuePair<string, Lazy<Task<JobRecord>>>(key, mine));
            }
        }
    }

    private JobRecord NewJob(string key, VideoGenerationRequest request)
    {
        // A copy, so the caller's object is left as it was; the callback URL is the job's own.
        var copy = RequestJson.Read(RequestJson.Write(request));
        var callback = _options.CallbackBaseAddress is { } root ? CallbackPath.UrlFor(root, key, CallbackPath.NewSecret()).AbsoluteUri : null;
        copy.CallbackUrl = callback ?? copy.CallbackUrl;
        var now = Now;
        return new JobRecord
        {
            Key = key,
            Provider = _client.Provider.Name,
            State = JobState.Created,
            Request = RequestJson.Write(copy),
            EstimatedDollars = _client.EstimateCost(copy).Dollars,
            CallbackUrl = callback,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private async Task<JobRecord> ContinueAsync(JobRecord job, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        using var activity = HailuoJobsTelemetry.Source.StartActivity("hailuo.job");
        activity?.SetTag("hailuo.job.key", job.Key);
        try
        {
            while (true)
            {
                activity?.SetTag("hailuo.job.state", job.State.ToString());
                switch (job.State)
                {
                    case JobState.Stored or JobState.Failed:
                        return job;
                    case JobState.Created:
                        job = await SubmitAsync(job, progress, cancellationToken).ConfigureAwait(false);
                        break;
                    case JobState.Submitting:
                        job = await SettleUnknownAsync(job, job.SubmitSentAt, "The submit was sent but its answer was never recorded (the process stopped or the call was cancelled): the task may exist and be paid for.", progress).ConfigureAwait(false);
                        break;
                    case JobState.OutcomeUnknown:
                        var settled = await ReconcileAsync(job, progress, cancellationToken).ConfigureAwait(false);
                        if (settled is null)
                        {
                            return job;
                        }

                        job = settled;
                        break;
                    case JobState.Submitted:
                        job = await WaitAsync(job, progress, cancellationToken).ConfigureAwait(false);
                        break;
                    case JobState.Completed:
                        job = await StoreVideoAsync(job, progress, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }

    private async Task<JobRecord> SubmitAsync(JobRecord job, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        // The intent is durable before the POST: a crash from here on can never lead to a silent second submit.
        var (intent, mine) = await UpdateAsync(job, j => j.State == JobState.Created ? j with { State = JobState.Submitting, Submits = j.Submits + 1, SubmitSentAt = Now } : null, progress, "submitting").ConfigureAwait(false);
        if (!mine)
        {
            // Another writer moved the job on first: go on from what the ledger holds.
            return intent;
        }

        job = intent;
        VideoTask task;
        try
        {
            task = await _client.SubmitAsync(RequestJson.Read(job.Request), cancellationToken).ConfigureAwait(false);
        }
        catch (HailuoSubmitOutcomeUnknownException e)
        {
            return await SettleUnknownAsync(job, e.SentAt, e.Message, progress).ConfigureAwait(false);
        }
        catch (HailuoException e) when (e is not HailuoSubmitOutcomeUnknownException)
        {
            // The client raises anything but "outcome unknown" only when the provider surely created nothing: the submit is not counted.
            var state = e.IsTransient ? JobState.Created : JobState.Failed;
            var (refused, written) = await UpdateAsync(job, j => j.TaskId is null && j.State == JobState.Submitting ? j with { State = state, Submits = j.Submits - 1, Error = e.Message } : null, progress, e.IsTransient ? "submit refused for now; nothing was created" : "submit refused").ConfigureAwait(false);
            if (!written)
            {
                return refused;
            }

            if (e.IsTransient)
            {
                throw;
            }

            HailuoJobsTelemetry.Failed.Add(1);
            return refused;
        }

        if (job.EstimatedDollars is { } dollars)
        {
            HailuoJobsTelemetry.Spent.Add((double)dollars);
        }

        // A callback may have given the task id while the answer was on its way: it is kept, never erased.
        return (await UpdateAsync(job, j => j.State is JobState.Submitting or JobState.OutcomeUnknown ? j with { State = JobState.Submitted, TaskId = j.TaskId ?? task.Id, Error = null } : null, progress, "submitted").ConfigureAwait(false)).Job;
    }

    /// <summary>The submit's answer is unknown: the job waits for a callback, unless one already gave it its task.</summary>
    private async Task<JobRecord> SettleUnknownAsync(JobRecord job, DateTimeOffset? sentAt, string error, IProgress<JobEvent>? progress)
    {
        var (settled, written) = await UpdateAsync(
            job,
            j => j.State != JobState.Submitting ? null
                : j.TaskId is not null ? j with { State = JobState.Submitted, Error = null }
                : j with { State = JobState.OutcomeUnknown, SubmitSentAt = sentAt ?? j.SubmitSentAt, Error = error },
            progress,
            "submit outcome unknown").ConfigureAwait(false);
        if (written && settled.State == JobState.OutcomeUnknown)
        {
            HailuoJobsTelemetry.OutcomeUnknown.Add(1);
        }

        return settled;
    }

    private async Task<JobRecord?> ReconcileAsync(JobRecord job, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        if (job.TaskId is not null)
        {
            return (await UpdateAsync(job, j => j.State == JobState.OutcomeUnknown && j.TaskId is not null ? j with { State = JobState.Submitted, Error = null } : null, progress, "task id known").ConfigureAwait(false)).Job;
        }

        if (job.CallbackUrl is null)
        {
            return null;
        }

        var waiter = _callbackWaiters.GetOrAdd(job.Key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            // The callback may have arrived between the ledger read and the waiter's creation.
            var current = await Store.FindAsync(job.Key, cancellationToken).ConfigureAwait(false) ?? job;
            if (current.TaskId is not null)
            {
                return current;
            }

            var deadline = (current.SubmitSentAt ?? current.UpdatedAt) + _options.ReconcileWindow - Now;
            if (deadline > TimeSpan.Zero)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var delay = Task.Delay(deadline, _options.TimeProvider, timeout.Token);
                await Task.WhenAny(waiter.Task, delay).ConfigureAwait(false);
                await timeout.CancelAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }

            current = await Store.FindAsync(job.Key, cancellationToken).ConfigureAwait(false) ?? current;
            if (current.TaskId is not null)
            {
                return current;
            }

            if (_options.ResubmitAfterLongestRender && current.Submits < 2)
            {
                var (next, _) = await UpdateAsync(current, j => j.State == JobState.OutcomeUnknown && j.TaskId is null && j.Submits < 2 ? j with { State = JobState.Created, Error = "No callback within the longest render time: no task was created; submitting once more (opt-in)." } : null, progress, "resubmitting after the reconcile window").ConfigureAwait(false);
                return next.State == JobState.OutcomeUnknown ? null : next;
            }

            return current.State == JobState.OutcomeUnknown ? null : current;
        }
        finally
        {
            _callbackWaiters.TryRemove(job.Key, out _);
        }
    }

    private async Task<JobRecord> WaitAsync(JobRecord job, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        var relay = new PollRelay(this, job, progress);
        try
        {
            await _client.WaitForCompletionAsync(job.TaskId!, relay, cancellationToken).ConfigureAwait(false);
        }
        catch (HailuoTaskFailedException e)
        {
            var (failed, written) = await UpdateAsync(job, j => j.State == JobState.Submitted && j.TaskId == job.TaskId ? j with { State = JobState.Failed, Error = e.Message } : null, progress, "task failed").ConfigureAwait(false);
            if (written)
            {
                HailuoJobsTelemetry.Failed.Add(1);
            }

            return failed;
        }

        return (await UpdateAsync(job, j => j.State == JobState.Submitted && j.TaskId == job.TaskId ? j with { State = JobState.Completed, CompletedAt = Now, Error = null } : null, progress, "task completed").ConfigureAwait(false)).Job;
    }

    private async Task<JobRecord> StoreVideoAsync(JobRecord job, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        var staging = _staging.NewFile(job.Key);
        try
        {
            // One poll gives a fresh URL after a restart; the download refreshes an expired one itself.
            var task = await _client.WaitForCompletionAsync(job.TaskId!, cancellationToken).ConfigureAwait(false);
            await _client.DownloadAsync(task, staging, cancellationToken).ConfigureAwait(false);
        }
        catch (HailuoUrlExpiredException e) when (e.VideoGone || Now >= (job.CompletedAt ?? job.UpdatedAt) + _options.VideoRetention)
        {
            var (failed, written) = await UpdateAsync(job, j => j.State == JobState.Completed && j.TaskId == job.TaskId ? j with { State = JobState.Failed, Error = "The provider no longer keeps this video: " + e.Message } : null, progress, "video expired").ConfigureAwait(false);
            if (written)
            {
                HailuoJobsTelemetry.Failed.Add(1);
            }

            return failed;
        }
        catch (HailuoUrlExpiredException e)
        {
            // The provider still keeps the file (it did not say it is gone, and its retention has not passed): try again later.
            await UpdateAsync(job, j => j.State == JobState.Completed && j.TaskId == job.TaskId ? j with { Error = "Fresh download URLs did not help yet; the video is kept, resuming retries: " + e.Message } : null, progress, "download refused for now; the job stays completed").ConfigureAwait(false);
            throw;
        }

        var (sha256, bytes) = await HashAsync(staging, cancellationToken).ConfigureAwait(false);
        var location = await _sink.StoreAsync(job.Key, staging, cancellationToken).ConfigureAwait(false);
        var (stored, mine) = await UpdateAsync(job, j => j.State == JobState.Completed && j.TaskId == job.TaskId ? j with { State = JobState.Stored, Location = location, Sha256 = sha256, Bytes = bytes, Error = null } : null, progress, "stored").ConfigureAwait(false);
        if (mine)
        {
            HailuoJobsTelemetry.Completed.Add(1);
        }

        return stored;
    }

    private static async Task<(string Sha256, long Bytes)> HashAsync(string path, CancellationToken cancellationToken)
    {
        var file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false);
            return (Convert.ToHexString(hash).ToLowerInvariant(), file.Length);
        }
    }

    /// <summary>
    /// Writes what <paramref name="decide"/> makes of the job as the ledger holds it, as a compare-and-set: when another
    /// write came first, the job is read again and decided again; null from <paramref name="decide"/> writes nothing.
    /// </summary>
    private async Task<(JobRecord Job, bool Written)> UpdateAsync(JobRecord seen, Func<JobRecord, JobRecord?> decide, IProgress<JobEvent>? progress, string message)
    {
        var current = seen;
        while (decide(current) is { } next)
        {
            // Not cancellable: the ledger must hold what already happened on the wire.
            if (await Store.TrySaveAsync(next with { Version = current.Version, UpdatedAt = Now }, CancellationToken.None).ConfigureAwait(false) is { } saved)
            {
                Report(saved, progress, message);
                return (saved, true);
            }

            current = await Store.FindAsync(seen.Key, CancellationToken.None).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"The ledger {Store} no longer holds job '{seen.Key}'.");
        }

        return (current, false);
    }

    private void Report(JobRecord job, IProgress<JobEvent>? progress, string message, VideoTaskStatus? status = null)
    {
        var change = new JobEvent(job.Key, job.State, job.TaskId, status, message);
        progress?.Report(change);
        Changed?.Invoke(this, change);
    }

    /// <summary>Forwards the client's poll reports as job events.</summary>
    private sealed class PollRelay(HailuoJobRunner runner, JobRecord job, IProgress<JobEvent>? progress) : IProgress<VideoTaskProgress>
    {
        public void Report(VideoTaskProgress value) => runner.Report(job, progress, "polled", value.Status);
    }
}
