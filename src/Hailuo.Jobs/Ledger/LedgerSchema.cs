using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Hailuo.Jobs;

/// <summary>Creates the ledger's table, or migrates one written by an earlier release, under one write lock.</summary>
internal static class LedgerSchema
{
    // The first release's table, exactly; its files have user_version 0.
    private const string Version1 = """
        CREATE TABLE IF NOT EXISTS jobs (
            key TEXT PRIMARY KEY NOT NULL,
            provider TEXT NOT NULL,
            state TEXT NOT NULL,
            request TEXT NOT NULL,
            estimated_dollars TEXT NULL,
            callback_url TEXT NULL,
            task_id TEXT NULL,
            submits INTEGER NOT NULL,
            submit_sent_at TEXT NULL,
            location TEXT NULL,
            sha256 TEXT NULL,
            bytes INTEGER NULL,
            error TEXT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        """;

    // Version 2: each write compares the row's version; a lease names one owner until a time (UTC ticks).
    private const string Version2 = """
        ALTER TABLE jobs ADD COLUMN completed_at TEXT NULL;
        ALTER TABLE jobs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE jobs ADD COLUMN lease_owner TEXT NULL;
        ALTER TABLE jobs ADD COLUMN lease_until INTEGER NULL;
        """;

    // Version 3: shared budgets, each charge keyed by budget and job in micro-dollars so sums are exact; when the provider's callback challenge was answered.
    private const string Version3 = """
        ALTER TABLE jobs ADD COLUMN challenged_at TEXT NULL;
        CREATE TABLE budget_charges (
            budget TEXT NOT NULL,
            charge_key TEXT NOT NULL,
            micro_dollars INTEGER NOT NULL,
            PRIMARY KEY (budget, charge_key));
        """;

    public static void Migrate(SqliteConnection connection, string path, int target)
    {
        // IMMEDIATE takes the write lock first, so two processes opening one old file migrate it once.
        using var transaction = connection.BeginTransaction(deferred: false);
        var found = Scalar(connection, transaction, "PRAGMA user_version;");
        if (found > target)
        {
            throw new InvalidOperationException($"The ledger {path} has schema version {found}, written by a newer release; this release reads up to version {target}. Open it with that release, or name another ledger file.");
        }

        if (found == target)
        {
            return;
        }

        if (found == 0)
        {
            Execute(connection, transaction, Version1);
            found = 1;
        }

        if (found == 1)
        {
            Execute(connection, transaction, Version2);
            found = 2;
        }

        if (found == 2)
        {
            Execute(connection, transaction, Version3);
        }

        Execute(connection, transaction, "PRAGMA user_version = " + target.ToString(CultureInfo.InvariantCulture) + ";");
        transaction.Commit();
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
