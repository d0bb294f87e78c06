namespace Hailuo.Jobs;

/// <summary>The one way a job is written: a compare-and-set that, when another write came first, reads and decides again.</summary>
internal static class JobWrites
{
    /// <summary>
    /// Writes what <paramref name="decide"/> makes of the job as the ledger holds it; null from <paramref name="decide"/>
    /// writes nothing. Returns the job as the ledger then holds it, and whether this call wrote it.
    /// </summary>
    public static async Task<(JobRecord Job, bool Written)> CompareAndSetAsync(IJobStore store, JobRecord seen, Func<JobRecord, JobRecord?> decide, TimeProvider clock)
    {
        var current = seen;
        while (decide(current) is { } next)
        {
            // Not cancellable: the ledger must hold what already happened on the wire.
            if (await store.TrySaveAsync(next with { Version = current.Version, UpdatedAt = clock.GetUtcNow() }, CancellationToken.None).ConfigureAwait(false) is { } saved)
            {
                return (saved, true);
            }

            current = await store.FindAsync(seen.Key, CancellationToken.None).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"The ledger {store} no longer holds job '{seen.Key}'.");
        }

        return (current, false);
    }
}
