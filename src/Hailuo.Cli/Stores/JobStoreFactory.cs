using System.CommandLine;
using Hailuo.Cli.Output;
using Hailuo.Jobs;
using Hailuo.Jobs.PostgreSql;

namespace Hailuo.Cli.Stores;

/// <summary>
/// Opens the job ledger `--store` names: the one place kinds of store are told apart (a PostgreSQL connection string,
/// any value holding '=', or a SQLite file), each failure as one line naming the store and the reason.
/// </summary>
internal static class JobStoreFactory
{
    public static Option<string> Option() => new("--store")
    {
        Description = "The job ledger: the SQLite file a run wrote, such as film.mp4.ledger.db, or a PostgreSQL connection string, such as 'Host=127.0.0.1;Database=hailuo;Username=hailuo;Password=...'.",
        Required = true,
    };

    /// <summary>The store, or the line saying why it cannot be opened and the exit code for it; nothing is created.</summary>
    public static async Task<(IJobStore? Store, int ExitCode, string? Problem)> OpenAsync(string store, OutputDisk disk, CancellationToken cancellationToken)
    {
        if (store.Contains('=', StringComparison.Ordinal))
        {
            try
            {
                return (await PostgreSqlJobStore.OpenAsync(store, cancellationToken: cancellationToken).ConfigureAwait(false), ExitCodes.Success, null);
            }
            catch (PostgreSqlLedgerException e)
            {
                // A wrong connection string, a server that is not running, a schema from a newer release: nothing changed; `hailuo worker` answers these alike.
                return (null, ExitCodes.LedgerUnavailable, e.Message);
            }
        }

        var full = Path.GetFullPath(store);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            return (null, ExitCodes.NotFound, $"--store '{store}': there is no ledger file at '{full}'; name the SQLite ledger a run wrote, such as FILE.ledger.db.");
        }

        try
        {
            var (ledger, problem) = LedgerFile.Open(full, disk);
            return ledger is null ? (null, ExitCodes.OutputNotWritable, problem) : (ledger, ExitCodes.Success, null);
        }
        catch (InvalidOperationException e)
        {
            // A ledger written by a newer release: its schema is not ours to change.
            return (null, ExitCodes.OutputNotWritable, e.Message.TrimEnd('.') + ".");
        }
    }
}
