namespace Hailuo.Jobs;

/// <summary>
/// The job ledger. Every write is a compare-and-set on <see cref="JobRecord.Version"/> and must be durable when the
/// returned task completes: the runner starts the next step only then. A shared store (several processes) also keeps
/// leases, so a job has one owner at a time.
/// </summary>
public interface IJobStore
{
    /// <summary>The job with this key, or null.</summary>
    Task<JobRecord?> FindAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Adds the job unless its key is taken; returns the job the ledger holds under the key either way.</summary>
    Task<JobRecord> AddOrGetAsync(JobRecord job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="job"/> only if the ledger still holds the version it was read at
    /// (<see cref="JobRecord.Version"/>); returns the job as written, with the next version, or null when another write
    /// came first (reload and decide again). Never overwrites a write it did not see.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The ledger holds no job with the key.</exception>
    Task<JobRecord?> TrySaveAsync(JobRecord job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="owner"/> the job's owner until <paramref name="duration"/> from now on the store's clock,
    /// when nobody else holds an unexpired lease on it (the owner's own lease is extended); null when another owner holds it.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The ledger holds no job with the key.</exception>
    Task<JobLease?> TryClaimAsync(string key, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease still held by its owner; null when it expired and another owner took the job.</summary>
    Task<JobLease?> RenewAsync(JobLease lease, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the job up, if the lease's owner still holds it; another owner's lease is left alone.</summary>
    Task ReleaseAsync(JobLease lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Charges <paramref name="dollars"/> for <paramref name="chargeKey"/> (a job key) to the budget
    /// <paramref name="budget"/> in one atomic write, unless that would take the budget past <paramref name="capDollars"/>.
    /// Idempotent per charge key: a key already charged is not charged again and answers charged. Shared by every
    /// process on the store, so the cap holds however many workers race.
    /// </summary>
    Task<BudgetCharge> TryChargeAsync(string budget, string chargeKey, decimal dollars, decimal capDollars, CancellationToken cancellationToken = default);

    /// <summary>Gives back the charge of <paramref name="chargeKey"/> (a submit the provider surely refused); nothing when it holds none.</summary>
    Task RefundAsync(string budget, string chargeKey, CancellationToken cancellationToken = default);

    /// <summary>Dollars the budget holds.</summary>
    Task<decimal> ChargedAsync(string budget, CancellationToken cancellationToken = default);

    /// <summary>Every job not yet stored or failed, oldest first.</summary>
    Task<IReadOnlyList<JobRecord>> ListUnfinishedAsync(CancellationToken cancellationToken = default);

    /// <summary>Every job, oldest first.</summary>
    Task<IReadOnlyList<JobRecord>> ListAsync(CancellationToken cancellationToken = default);
}
