using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>
/// Runs jobs (one clip each) in this process through <see cref="HailuoJobSteps"/>, writing every step to the ledger
/// before the next starts: the submit intent before the POST, the task id the moment it is known, the stored file's
/// location and hash once it has landed. Idempotent by job key; a submit whose outcome is unknown is never sent again
/// silently. Each run claims the job's lease first: a job another owner holds is skipped, and a lost lease stops the run.
/// </summary>
public sealed class HailuoJobRunner
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _wakers = new(StringComparer.Ordinal);

    // One run per key inside the process: a second caller of a running key shares its run instead of judging its state.
    private readonly ConcurrentDictionary<string, Lazy<Task<JobRecord>>> _running = new(StringComparer.Ordinal);

    /// <summary>A runner over a client, a ledger and a sink.</summary>
    public HailuoJobRunner(HailuoClient client, IJobStore store, IVideoSink sink, HailuoJobOptions? options = null)
        : this(new HailuoJobSteps(client, store, sink, options))
    {
    }

    /// <summary>A runner over the steps (and their client, ledger, sink and options).</summary>
    public HailuoJobRunner(HailuoJobSteps steps)
    {
        Steps = steps ?? throw new ArgumentNullException(nameof(steps));
        Owner = steps.Options.Owner ?? $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}";
        steps.Changed += (_, e) => Changed?.Invoke(this, e);
    }

    /// <summary>Raised after every ledger write and every poll of a job's task.</summary>
    public event EventHandler<JobEvent>? Changed;

    /// <summary>The steps this runner runs.</summary>
    public HailuoJobSteps Steps { get; }

    /// <summary>Who this runner is when it claims a job's lease (the options' <see cref="HailuoJobOptions.Owner"/>, or unique per runner).</summary>
    public string Owner { get; }

    /// <summary>The ledger.</summary>
    public IJobStore Store => Steps.Store;

    /// <summary>The client the jobs run on.</summary>
    public HailuoClient Client => Steps.Client;

    private HailuoJobOptions Options => Steps.Options;

    /// <summary>
    /// Starts the job <paramref name="key"/> and runs it to its end (stored, failed or outcome unknown). A key already in
    /// the ledger returns (and continues) that job: it is never submitted again. A job another owner holds is returned
    /// as the ledger holds it, untouched.
    /// </summary>
    /// <exception cref="HailuoBudgetExceededException">The job would pass the budget; nothing was written or sent.</exception>
    public async Task<JobRecord> RunAsync(string key, VideoGenerationRequest request, IProgress<JobEvent>? progress = null, JobBudget? budget = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(request);
        return await Once(key, async () =>
        {
            if (await Store.FindAsync(key, cancellationToken).ConfigureAwait(false) is null)
            {
                (budget ?? Options.Budget)?.Reserve(key, Client.EstimateCost(request).Dollars);
                await Steps.RecordAsync(key, request, progress, cancellationToken).ConfigureAwait(false);
            }

            return await ContinueAsync(key, progress, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Continues the job <paramref name="key"/> from the ledger to its end.</summary>
    /// <exception cref="KeyNotFoundException">The ledger holds no such job.</exception>
    public async Task<JobRecord> ResumeAsync(string key, IProgress<JobEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        return await Once(key, async () =>
        {
            _ = await Store.FindAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"The ledger {Store} holds no job with key '{key}'.");
            HailuoJobsTelemetry.Resumed.Add(1);
            return await ContinueAsync(key, progress, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Continues every unfinished job of the ledger, concurrently, and returns them as they ended.</summary>
    public async Task<IReadOnlyList<JobRecord>> ResumeAllAsync(IProgress<JobEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        var unfinished = await Store.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(unfinished.Select(j => ResumeAsync(j.Key, progress, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// A callback revealed the task of job <paramref name="key"/>: records it when the job had none (see
    /// <see cref="HailuoJobSteps.AdoptTaskAsync"/>), and wakes this process's wait on the job either way.
    /// </summary>
    public async Task<bool> AdoptTaskAsync(string key, string taskId, CancellationToken cancellationToken = default)
    {
        var adopted = await Steps.AdoptTaskAsync(key, taskId, cancellationToken).ConfigureAwait(false);
        if (_wakers.TryGetValue(key, out var waker))
        {
            waker.TrySetResult();
        }

        return adopted;
    }

    private DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

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

    private async Task<JobRecord> ContinueAsync(string key, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        using var activity = HailuoJobsTelemetry.Source.StartActivity("hailuo.job");
        activity?.SetTag("hailuo.job.key", key);
        var lease = await Store.TryClaimAsync(key, Owner, Options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            // Another owner advances it: not ours to touch, and not a failure.
            return (await Steps.HeldElsewhereAsync(key, cancellationToken).ConfigureAwait(false)).Job;
        }

        try
        {
            while (true)
            {
                // Registered before the step, so a callback during the step still cuts the wait after it short.
                var waker = _wakers[key] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var outcome = await Steps.StepAsync(key, progress, cancellationToken).ConfigureAwait(false);
                activity?.SetTag("hailuo.job.state", outcome.Job.State.ToString());
                if (outcome.Interruption is { } interruption)
                {
                    ExceptionDispatchInfo.Throw(interruption);
                }

                if (outcome.RunAgainAt is not { } next)
                {
                    return outcome.Job;
                }

                lease = await WaitAsync(lease, next, waker.Task, cancellationToken).ConfigureAwait(false);
                if (lease is null)
                {
                    // The lease expired and another owner took the job: stop touching it.
                    return await Store.FindAsync(key, CancellationToken.None).ConfigureAwait(false) ?? outcome.Job;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
        finally
        {
            _wakers.TryRemove(key, out _);
            if (lease is not null)
            {
                await Store.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Waits (no thread held) until <paramref name="until"/> or a callback about the job, renewing the lease on the way
    /// and before the next step; null when the lease was lost.
    /// </summary>
    private async Task<JobLease?> WaitAsync(JobLease lease, DateTimeOffset until, Task woken, CancellationToken cancellationToken)
    {
        var half = Options.LeaseDuration / 2;
        while (true)
        {
            if (lease.ExpiresAt - Now < half)
            {
                if (await Store.RenewAsync(lease, Options.LeaseDuration, CancellationToken.None).ConfigureAwait(false) is not { } renewed)
                {
                    return null;
                }

                lease = renewed;
            }

            var left = until - Now;
            if (woken.IsCompleted || left <= TimeSpan.Zero)
            {
                return lease;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(left < half ? left : half, Options.TimeProvider, stop.Token);
            await Task.WhenAny(woken, delay).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
