using Hailuo.Jobs;
using Hailuo.Jobs.PostgreSql;

namespace Hailuo.Cli.Output;

/// <summary>
/// Opens the job ledger a <c>--store</c> value names: a PostgreSQL connection string (any value holding '=') or a
/// SQLite file. A ledger that cannot be opened is one line on standard error and the bad-input exit code; no job changes.
/// </summary>
internal static class JobStoreOpener
{
    /// <summary>Whether <paramref name="store"/> is a PostgreSQL connection string rather than a SQLite file path.</summary>
    public static bool IsConnectionString(string store) => store.Contains('=', StringComparison.Ordinal);

    /// <summary>The opened store (dispose it when done), or null and the exit code after printing why.</summary>
    public static async Task<(IJobStore? Store, int ExitCode)> OpenAsync(string store, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var (opened, problem) = await TryOpenAsync(store, console.Disk, cancellationToken).ConfigureAwait(false);
        return opened is null ? (null, console.Fail(ExitCodes.InvalidInput, problem!)) : (opened, ExitCodes.Success);
    }

    private static async Task<(IJobStore? Store, string? Problem)> TryOpenAsync(string store, OutputDisk disk, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(store))
        {
            return (null, "--store is empty; it must name a SQLite ledger file, such as 'jobs.db', or a PostgreSQL connection string, such as 'Host=127.0.0.1;Database=hailuo;Username=hailuo;Password=...'.");
        }

        if (IsConnectionString(store))
        {
            try
            {
                return (await PostgreSqlJobStore.OpenAsync(store, cancellationToken: cancellationToken).ConfigureAwait(false), null);
            }
            catch (PostgreSqlLedgerException e)
            {
                return (null, e.Message);
            }
        }

        try
        {
            return LedgerFile.Open(store, disk);
        }
        catch (InvalidOperationException e)
        {
            // A ledger file from a newer release: SQLite's store names the path and both versions.
            return (null, char.ToLowerInvariant(e.Message[0]) + e.Message[1..]);
        }
    }
}
