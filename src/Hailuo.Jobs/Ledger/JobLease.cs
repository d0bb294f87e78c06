namespace Hailuo.Jobs;

/// <summary>One owner's hold on a job until <paramref name="ExpiresAt"/>, by the store's clock.</summary>
/// <param name="Key">The job's key.</param>
/// <param name="Owner">Who holds it: a process or runner id, unique among those sharing the store.</param>
/// <param name="ExpiresAt">When another owner may take the job unless the lease is renewed.</param>
public sealed record JobLease(string Key, string Owner, DateTimeOffset ExpiresAt);
