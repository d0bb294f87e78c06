namespace Hailuo.Jobs.Tests.Support;

/// <summary>A ledger that hands every call to <paramref name="inner"/>; a test's ledger overrides the one call it changes.</summary>
internal abstract class ForwardingStore(IJobStore inner) : IJobStore
{
    protected IJobStore Inner => inner;

    public virtual Task<JobRecord?> FindAsync(string key, CancellationToken cancellationToken = default) => inner.FindAsync(key, cancellationToken);

    public virtual Task<JobRecord> AddOrGetAsync(JobRecord job, CancellationToken cancellationToken = default) => inner.AddOrGetAsync(job, cancellationToken);

    public virtual Task<JobRecord?> TrySaveAsync(JobRecord job, CancellationToken cancellationToken = default) => inner.TrySaveAsync(job, cancellationToken);

    public virtual Task<JobLease?> TryClaimAsync(string key, string owner, TimeSpan duration, CancellationToken cancellationToken = default) => inner.TryClaimAsync(key, owner, duration, cancellationToken);

    public virtual Task<JobLease?> RenewAsync(JobLease lease, TimeSpan duration, CancellationToken cancellationToken = default) => inner.RenewAsync(lease, duration, cancellationToken);

    public virtual Task ReleaseAsync(JobLease lease, CancellationToken cancellationToken = default) => inner.ReleaseAsync(lease, cancellationToken);

    public virtual Task<BudgetCharge> TryChargeAsync(string budget, string chargeKey, decimal dollars, decimal capDollars, CancellationToken cancellationToken = default) => inner.TryChargeAsync(budget, chargeKey, dollars, capDollars, cancellationToken);

    public virtual Task RefundAsync(string budget, string chargeKey, CancellationToken cancellationToken = default) => inner.RefundAsync(budget, chargeKey, cancellationToken);

    public virtual Task<decimal> ChargedAsync(string budget, CancellationToken cancellationToken = default) => inner.ChargedAsync(budget, cancellationToken);

    public virtual Task<IReadOnlyList<JobRecord>> ListUnfinishedAsync(CancellationToken cancellationToken = default) => inner.ListUnfinishedAsync(cancellationToken);

    public virtual Task<IReadOnlyList<JobRecord>> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);
}
