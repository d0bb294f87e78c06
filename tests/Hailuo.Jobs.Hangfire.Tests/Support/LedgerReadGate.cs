using Hailuo.Jobs.PostgreSql;
using Npgsql;

namespace Hailuo.Jobs.Hangfire.Tests.Support;

/// <summary>
/// Holds the worker processes' reads of a job still <see cref="JobState.Created"/> (the read a step decides to submit
/// on) at a gate the test opens, so a step's window between that read and its submit intent, a few milliseconds in a
/// normal run, lasts as long as the test needs. Test side only: the ledger's table is put behind a view of the same
/// name whose filter waits on an advisory lock this gate holds; the store's statements run unchanged through it.
/// </summary>
internal sealed class LedgerReadGate : IAsyncDisposable
{
    // The two-key advisory lock the gate holds (as SQL text); the ledger's own advisory locks use the one-key form.
    private const string LockClass = "19";
    private const string LockId = "1";

    private readonly NpgsqlConnection _holder;

    private LedgerReadGate(NpgsqlConnection holder) => _holder = holder;

    /// <summary>Closes a gate in front of the ledger of <paramref name="connectionString"/>; the ledger must exist (a job recorded).</summary>
    public static async Task<LedgerReadGate> CloseAsync(string connectionString)
    {
        var schema = new PostgreSqlJobStoreOptions().Schema;

        // Unpooled: the gate's session lock ends with this connection, whatever happens to the test.
        var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await holder.OpenAsync();
        try
        {
            await ExecuteAsync(holder, $"SELECT pg_advisory_lock({LockClass}, {LockId});");
            await ExecuteAsync(holder, "CREATE SCHEMA read_gate;");
            await ExecuteAsync(
                holder,
                $$"""
                CREATE FUNCTION read_gate.pass(state text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $gate$
                BEGIN
                    -- Only the store's read of one job by its key (a step's FindAsync): its claims, writes and lists pass at once.
                    IF state = 'Created' AND current_query() LIKE 'SELECT key, %WHERE key = %' THEN
                        PERFORM pg_advisory_xact_lock_shared({{LockClass}}, {{LockId}});
                    END IF;
                    RETURN true;
                END
                $gate$;
                """);
            await ExecuteAsync(holder, $"ALTER TABLE {schema}.jobs RENAME TO jobs_behind_gate;");
            await ExecuteAsync(holder, $"CREATE VIEW {schema}.jobs AS SELECT * FROM {schema}.jobs_behind_gate WHERE read_gate.pass(state);");
        }
        catch
        {
            await holder.DisposeAsync();
            throw;
        }

        return new LedgerReadGate(holder);
    }

    /// <summary>Waits (bounded) until <paramref name="readers"/> reads of a created job wait at the gate.</summary>
    public async Task WaitForReadersAsync(int readers, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            await using var count = new NpgsqlCommand(
                $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = {LockClass} AND objid = {LockId} AND objsubid = 2 AND database = (SELECT oid FROM pg_database WHERE datname = current_database());",
                _holder);
            var waiting = (long)(await count.ExecuteScalarAsync())!;
            if (waiting >= readers)
            {
                return;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"After {deadline}, {waiting} of {readers} reads of a created job waited at the gate.");
            }

            // A condition on the worker processes' progress, checked ten times a second within the deadline above.
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Opens the gate: the reads held so far are answered, later ones pass at once.</summary>
    public Task OpenAsync() => ExecuteAsync(_holder, $"SELECT pg_advisory_unlock({LockClass}, {LockId});");

    /// <summary>Ends the holding session, which opens the gate if the test did not.</summary>
    public ValueTask DisposeAsync() => _holder.DisposeAsync();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
