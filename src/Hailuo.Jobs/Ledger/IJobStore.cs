namespace Hailuo.Jobs;

/// <summary>The job ledger. Every write must be durable when the returned task completes: the runner starts the next step only then.</summary>
public interface IJobStore
{
    /// <summary>The job with this key, or null.</summary>
    Task<JobRecord?> FindAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Adds the job unless its key is taken; returns the job the ledger holds under the key either way.</summary>
    Task<JobRecord> AddOrGetAsync(JobRecord job, CancellationToken cancellationToken = default);

    /// <summary>Replaces the job with the same key.</summary>
    Task SaveAsync(JobRecord job, CancellationToken cancellationToken = default);

    /// <summary>Every job not yet stored or failed, oldest first.</summary>
    Task<IReadOnlyList<JobRecord>> ListUnfinishedAsync(CancellationToken cancellationToken = default);

    /// <summary>Every job, oldest first.</summary>
    Task<IReadOnlyList<JobRecord>> ListAsync(CancellationToken cancellationToken = default);
}
