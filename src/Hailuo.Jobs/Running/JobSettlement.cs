using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>
/// A person resolves an "outcome unknown" job: by adopting the task id they found (checked against the provider's id
/// format, written through the same compare-and-set as a callback's adoption), or by marking it failed. Any other state
/// is refused and nothing changes.
/// </summary>
public static class JobSettlement
{
    /// <summary>Gives the job the task <paramref name="taskId"/>; the job goes on (poll, download) when a runner or worker next advances it.</summary>
    /// <exception cref="JobSettlementException">No such job, the job is not "outcome unknown", or the id is not the provider's shape.</exception>
    public static async Task<JobRecord> AdoptAsync(IJobStore store, string key, string taskId, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var job = await UnknownJobAsync(store, key, cancellationToken).ConfigureAwait(false);
        var provider = HailuoSpec.Providers.FirstOrDefault(p => string.Equals(p.Name, job.Provider, StringComparison.Ordinal))
            ?? throw new JobSettlementException($"job {key} names provider '{job.Provider}', which this release does not know; it can only be marked failed.");
        if (!TaskIds.IsWellFormed(provider.Dialect, taskId))
        {
            throw new JobSettlementException($"--task-id '{Shorten(taskId)}' is not a task id of {provider.Name}: it must be {TaskIds.Describe(provider.Dialect)}. Nothing changed.");
        }

        return await SettleAsync(store, job, j => j with { State = JobState.Submitted, TaskId = taskId, Error = null }, clock).ConfigureAwait(false);
    }

    /// <summary>Marks the job failed: nothing more is sent for it.</summary>
    /// <exception cref="JobSettlementException">No such job, or the job is not "outcome unknown".</exception>
    public static async Task<JobRecord> FailAsync(IJobStore store, string key, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var job = await UnknownJobAsync(store, key, cancellationToken).ConfigureAwait(false);
        return await SettleAsync(store, job, j => j with { State = JobState.Failed, Error = "Settled by hand as failed (its submit's outcome was unknown): " + j.Error }, clock).ConfigureAwait(false);
    }

    /// <summary>The job, when it can be settled; changes nothing.</summary>
    /// <exception cref="JobSettlementException">No such job, or the job is not "outcome unknown".</exception>
    public static Task<JobRecord> CheckAsync(IJobStore store, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return UnknownJobAsync(store, key, cancellationToken);
    }

    /// <summary>What each choice costs, in words, for a job whose estimated price is <paramref name="job"/>'s.</summary>
    public static IReadOnlyList<string> Choices(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var price = job.EstimatedDollars is { } d ? JobBudget.Money(d) : "its price (not published in the spec)";
        return
        [
            $"--task-id ID: the task you found in the provider's console becomes the job's; nothing more is paid (the task, about {price}, is already paid for) and its video is downloaded when the job resumes.",
            $"--failed: nothing more is sent or paid; if a task does exist, its {price} is already spent and its video is not fetched (`hailuo download TASK` still can).",
        ];
    }

    private static async Task<JobRecord> UnknownJobAsync(IJobStore store, string key, CancellationToken cancellationToken)
    {
        var job = await store.FindAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new JobSettlementException($"the ledger {store} holds no job '{key}'; `hailuo jobs list` shows its keys.", notFound: true);
        return job.State == JobState.OutcomeUnknown && job.TaskId is null
            ? job
            : throw new JobSettlementException($"job {key} is {Words(job)}, not \"outcome unknown\": only a job whose submit's outcome is unknown can be settled. Nothing changed.");
    }

    private static async Task<JobRecord> SettleAsync(IJobStore store, JobRecord job, Func<JobRecord, JobRecord> settle, TimeProvider? clock)
    {
        var (settled, written) = await JobWrites.CompareAndSetAsync(store, job, j => j.State == JobState.OutcomeUnknown && j.TaskId is null ? settle(j) : null, clock ?? TimeProvider.System).ConfigureAwait(false);
        return written ? settled : throw new JobSettlementException($"job {job.Key} changed while it was being settled: it is now {Words(settled)}. Nothing changed.");
    }

    private static string Words(JobRecord job) => job.State + (job.TaskId is null ? string.Empty : " with task " + job.TaskId);

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
