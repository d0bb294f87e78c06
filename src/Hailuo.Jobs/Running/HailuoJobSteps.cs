using System.Security.Cryptography;
using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>
/// A job's life as idempotent steps a scheduler can call (Hangfire, a queue, or the in-process
/// <see cref="HailuoJobRunner"/>): <see cref="AdvanceAsync"/> claims the job's lease, performs one step decided from the
/// ledger (submit, one poll, download and store), writes it as a compare-and-set, and says when the next step is due. No
/// thread is held while a render runs. A step run twice, or on two workers at once, never submits twice, never loses a
/// task id, and stores the file under the job's one name.
/// </summary>
public sealed partial class HailuoJobSteps
{
    private readonly IVideoSink _sink;
    private readonly StagingArea _staging;

    /// <summary>Steps over a client, a ledger and a sink.</summary>
    public HailuoJobSteps(HailuoClient client, IJobStore store, IVideoSink sink, HailuoJobOptions? options = null)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Store = store ?? throw new ArgumentNullException(nameof(store));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        Options = options ?? new HailuoJobOptions();
        _staging = new StagingArea(Options.StagingFolder);
    }

    /// <summary>Raised after every ledger write and every poll of a job's task.</summary>
    public event EventHandler<JobEvent>? Changed;

    /// <summary>Raised after a callback's task id was adopted and written, so a scheduler can run the job's next step at once.</summary>
    public event EventHandler<JobEvent>? TaskAdopted;

    /// <summary>The ledger.</summary>
    public IJobStore Store { get; }

    /// <summary>The client the jobs run on.</summary>
    public HailuoClient Client { get; }

    /// <summary>The options the steps follow.</summary>
    public HailuoJobOptions Options { get; }

    private DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    private TimeSpan PollInterval => Options.PollInterval ?? HailuoSpec.Tasks.PollInterval;

    /// <summary>
    /// Records the job <paramref name="key"/> as created (nothing sent) unless the key is taken; returns the job the
    /// ledger holds under the key either way. Its steps then run through <see cref="AdvanceAsync"/>.
    /// </summary>
    public async Task<JobRecord> RecordAsync(string key, VideoGenerationRequest request, IProgress<JobEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(request);
        var job = NewJob(key, request);
        var held = await Store.AddOrGetAsync(job, cancellationToken).ConfigureAwait(false);
        if (held.CreatedAt == job.CreatedAt && held.Request == job.Request)
        {
            HailuoJobsTelemetry.Started.Add(1);
            Report(held, progress, "recorded");
        }

        return held;
    }

    /// <summary>
    /// Claims the job's lease for <paramref name="owner"/>, performs one step, and gives the lease up. A job another
    /// owner holds is left alone (<see cref="StepOutcome.HeldElsewhere"/>, to run again when that lease ends).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The ledger holds no such job.</exception>
    public async Task<StepOutcome> AdvanceAsync(string key, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var lease = await Store.TryClaimAsync(key, owner, Options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return await HeldElsewhereAsync(key, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await StepAsync(key, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Store.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A callback revealed the task of job <paramref name="key"/>: records it when the job had none (its submit's answer
    /// was lost or is late). Returns false for unknown jobs, jobs that already have a task (a duplicate, a replay, or a
    /// concurrent callback that won), and an id not of the provider's shape.
    /// </summary>
    public async Task<bool> AdoptTaskAsync(string key, string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        if (!TaskIds.IsWellFormed(Client.Provider.Dialect, taskId))
        {
            return false;
        }

        var job = await Store.FindAsync(key, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return false;
        }

        var (adopted, written) = await UpdateAsync(job, j => j.TaskId is null && j.State is JobState.Submitting or JobState.OutcomeUnknown ? j with { TaskId = taskId, State = JobState.Submitted, Error = null } : null, null, "task id revealed by the provider's callback").ConfigureAwait(false);
        if (!written || adopted.TaskId != taskId)
        {
            return false;
        }

        TaskAdopted?.Invoke(this, new JobEvent(adopted.Key, adopted.State, adopted.TaskId, null, "task id revealed by the provider's callback"));
        return true;
    }

    /// <summary>
    /// The provider's callback challenge for job <paramref name="key"/> reached the receiver: the provider has received
    /// the submit. Recorded (before the echo is sent, so a late echo still leaves the proof) for a job still missing its
    /// task id, so that no opt-in resubmit follows: a challenge whose echo came too late gets no notifications, and the
    /// task it belongs to exists.
    /// </summary>
    public async Task RecordChallengeAsync(string key, CancellationToken cancellationToken = default)
    {
        if (await Store.FindAsync(key, cancellationToken).ConfigureAwait(false) is { } job)
        {
            await UpdateAsync(job, j => j.TaskId is null && j.ChallengedAt is null && j.State is JobState.Submitting or JobState.OutcomeUnknown ? j with { ChallengedAt = Now } : null, null, "callback challenge answered: the provider received the submit").ConfigureAwait(false);
        }
    }

    /// <summary>One step of the job as the ledger holds it; the caller holds its lease.</summary>
    internal async Task<StepOutcome> StepAsync(string key, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        var job = await Store.FindAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"The ledger {Store} holds no job with key '{key}'.");
        using var activity = HailuoJobsTelemetry.Source.StartActivity("hailuo.job.step");
        activity?.SetTag("hailuo.job.key", job.Key);
        activity?.SetTag("hailuo.job.state", job.State.ToString());
        return job.State switch
        {
            JobState.Created => await SubmitAsync(job, progress, cancellationToken).ConfigureAwait(false),
            JobState.Submitting => Next(await SettleUnknownAsync(job, job.SubmitSentAt, "The submit was sent but its answer was never recorded (the process stopped or the call was cancelled): the task may exist and be paid for.", progress).ConfigureAwait(false), "submit outcome unknown"),
            JobState.OutcomeUnknown => await ReconcileAsync(job, progress).ConfigureAwait(false),
            JobState.Submitted => await PollAsync(job, progress, cancellationToken).ConfigureAwait(false),
            JobState.Completed => await StoreVideoAsync(job, progress, cancellationToken).ConfigureAwait(false),
            _ => new StepOutcome(job, "finished", null),
        };
    }

    /// <summary>The outcome for a job another owner holds: nothing done, run again when that lease may end.</summary>
    internal async Task<StepOutcome> HeldElsewhereAsync(string key, CancellationToken cancellationToken)
    {
        var job = await Store.FindAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"The ledger {Store} holds no job with key '{key}'.");
        return new StepOutcome(job, "held by another owner", Now + Options.LeaseDuration, HeldElsewhere: true);
    }

    /// <summary>The job's next step is due at <paramref name="at"/> (default: now), unless it is finished.</summary>
    private StepOutcome Next(JobRecord job, string step, DateTimeOffset? at = null) => new(job, step, job.State.IsFinished() ? null : at ?? Now);

    private JobRecord NewJob(string key, VideoGenerationRequest request)
    {
        // A copy, so the caller's object is left as it was; the callback URL is the job's own.
        var copy = RequestJson.Read(RequestJson.Write(request));
        var callback = Options.CallbackBaseAddress is { } root ? CallbackPath.UrlFor(root, key, CallbackPath.NewSecret()).AbsoluteUri : null;
        copy.CallbackUrl = callback ?? copy.CallbackUrl;
        var now = Now;
        return new JobRecord
        {
            Key = key,
            Provider = Client.Provider.Name,
            State = JobState.Created,
            Request = RequestJson.Write(copy),
            EstimatedDollars = Client.EstimateCost(copy).Dollars,
            CallbackUrl = callback,
            CreatedAt = now,
            UpdatedAt = now,
        };
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

    /// <summary>Writes the job through <see cref="JobWrites.CompareAndSetAsync"/>, and reports what this call wrote.</summary>
    internal async Task<(JobRecord Job, bool Written)> UpdateAsync(JobRecord seen, Func<JobRecord, JobRecord?> decide, IProgress<JobEvent>? progress, string message)
    {
        var (job, written) = await JobWrites.CompareAndSetAsync(Store, seen, decide, Options.TimeProvider).ConfigureAwait(false);
        if (written)
        {
            Report(job, progress, message);
        }

        return (job, written);
    }

    private void Report(JobRecord job, IProgress<JobEvent>? progress, string message, VideoTaskStatus? status = null)
    {
        var change = new JobEvent(job.Key, job.State, job.TaskId, status, message);
        progress?.Report(change);
        Changed?.Invoke(this, change);
    }
}
