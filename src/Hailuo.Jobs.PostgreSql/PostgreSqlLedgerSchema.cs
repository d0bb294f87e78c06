using Npgsql;

namespace Hailuo.Jobs.PostgreSql;

/// <summary>Creates the ledger's tables in its schema, or migrates them, in one transaction under an advisory lock.</summary>
internal static class PostgreSqlLedgerSchema
{
    /// <summary>The schema this release writes.</summary>
    public const int Current = 2;

    // Each entry takes the ledger from version i to i + 1; {0} is the quoted schema name.
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE {0}.jobs (
            key text PRIMARY KEY,
            provider text NOT NULL,
            state text NOT NULL,
            request text NOT NULL,
            estimated_dollars numeric NULL,
            callback_url text NULL,
            task_id text NULL,
            submits integer NOT NULL,
            submit_sent_at timestamptz NULL,
            location text NULL,
            sha256 text NULL,
            bytes bigint NULL,
            error text NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            completed_at timestamptz NULL,
            version bigint NOT NULL,
            lease_owner text NULL,
            lease_until timestamptz NULL);
        CREATE INDEX jobs_by_age ON {0}.jobs (created_at, key);
        """,

        // 2: shared budgets, one row per charge keyed by budget and job, in exact numeric dollars; when the callback challenge was answered.
        """
        ALTER TABLE {0}.jobs ADD COLUMN challenged_at timestamptz NULL;
        CREATE TABLE {0}.budget_charges (
            budget text NOT NULL,
            charge_key text NOT NULL,
            dollars numeric NOT NULL,
            PRIMARY KEY (budget, charge_key));
        """,
    ];

    public static async Task MigrateAsync(NpgsqlConnection connection, string schema, string where, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Two workers opening one fresh database at once: the second waits here and then finds the tables made.
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock(hashtext('hailuo ledger ' || @schema));", cancellationToken, schema).ConfigureAwait(false);
        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {schema}; CREATE TABLE IF NOT EXISTS {schema}.ledger_schema (version integer NOT NULL);", cancellationToken).ConfigureAwait(false);
        await using (var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {schema}.ledger_schema;", connection))
        {
            var found = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            if (found > Current)
            {
                // The transaction rolls back on dispose: nothing of this release is left in a newer ledger.
                throw new PostgreSqlLedgerException($"the ledger in schema '{schema}' at {where} has schema version {found}, written by a newer release; this release reads up to version {Current}. Open it with that release, or name another schema or database.");
            }

            for (var step = found; step < Current; step++)
            {
                await ExecuteAsync(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, Steps[step], schema), cancellationToken).ConfigureAwait(false);
            }

            if (found < Current)
            {
                await ExecuteAsync(connection, $"DELETE FROM {schema}.ledger_schema; INSERT INTO {schema}.ledger_schema (version) VALUES ({Current});", cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, string? schema = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (schema is not null)
        {
            command.Parameters.AddWithValue("schema", schema);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
