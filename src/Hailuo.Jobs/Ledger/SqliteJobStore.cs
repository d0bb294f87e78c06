using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Hailuo.Jobs;

/// <summary>
/// The default ledger: one SQLite file the user names. Each write is its own committed compare-and-set on the row's
/// version; the schema's version is the file's <c>PRAGMA user_version</c>, and an older ledger is migrated on open.
/// </summary>
public sealed class SqliteJobStore : IJobStore, IDisposable
{
    /// <summary>The schema this release writes: 2 added the row version, the lease and the completion time, 3 the shared budgets' charges and the challenge time (1 is the first release, user_version 0).</summary>
    public const int SchemaVersion = 3;

    private const string Columns = "key, provider, state, request, estimated_dollars, callback_url, task_id, submits, submit_sent_at, location, sha256, bytes, error, created_at, updated_at, completed_at, version, challenged_at";

    // Enum names, never user text: safe to write into the statement.
    private static readonly string FinishedStates = string.Join(", ", JobStates.FinishedNames.Select(n => $"'{n}'"));

    private readonly string _connectionString;
    private readonly TimeProvider _clock;

    // One writer at a time inside the process: SQLite serialises writers anyway, this avoids busy retries.
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Opens (and creates or migrates) the ledger at <paramref name="path"/>; leases run on <paramref name="clock"/> (default: the system clock).</summary>
    /// <exception cref="InvalidOperationException">The file was written by a newer release, whose schema this one does not know.</exception>
    public SqliteJobStore(string path, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _clock = clock ?? TimeProvider.System;
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        LedgerSchema.Migrate(connection, Path, SchemaVersion);
    }

    /// <summary>The ledger file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public async Task<JobRecord?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM jobs WHERE key = $key;";
        command.Parameters.AddWithValue("$key", key);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <inheritdoc/>
    public async Task<JobRecord> AddOrGetAsync(JobRecord job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await WriteAsync($"INSERT INTO jobs ({Columns}) VALUES ({Parameters}) ON CONFLICT(key) DO NOTHING;", job with { Version = 1 }, cancellationToken).ConfigureAwait(false);
        return await FindAsync(job.Key, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"The ledger {Path} lost job {job.Key} right after writing it.");
    }

    /// <inheritdoc/>
    public async Task<JobRecord?> TrySaveAsync(JobRecord job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var next = job with { Version = job.Version + 1 };
        var changed = await WriteAsync($"UPDATE jobs SET ({Columns}) = ({Parameters}) WHERE key = $key AND version = $seen;", next, cancellationToken, c => c.Parameters.AddWithValue("$seen", job.Version)).ConfigureAwait(false);
        if (changed == 1)
        {
            return next;
        }

        return await FindAsync(job.Key, cancellationToken).ConfigureAwait(false) is null
            ? throw new KeyNotFoundException($"The ledger {Path} holds no job {job.Key} to update.")
            : null;
    }

    /// <inheritdoc/>
    public async Task<JobLease?> TryClaimAsync(string key, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = _clock.GetUtcNow();
        var lease = new JobLease(key, owner, now + duration);
        var changed = await WriteAsync(
            "UPDATE jobs SET lease_owner = $owner, lease_until = $until WHERE key = $key AND (lease_owner IS NULL OR lease_owner = $owner OR lease_until <= $now);",
            null,
            cancellationToken,
            c => BindLease(c, lease, now)).ConfigureAwait(false);
        if (changed == 1)
        {
            return lease;
        }

        return await FindAsync(key, cancellationToken).ConfigureAwait(false) is null
            ? throw new KeyNotFoundException($"The ledger {Path} holds no job {key} to claim.")
            : null;
    }

    /// <inheritdoc/>
    public async Task<JobLease?> RenewAsync(JobLease lease, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = _clock.GetUtcNow();
        var renewed = lease with { ExpiresAt = now + duration };

        // Still ours: either unexpired, or expired with nobody having taken it since.
        var changed = await WriteAsync("UPDATE jobs SET lease_until = $until WHERE key = $key AND lease_owner = $owner;", null, cancellationToken, c => BindLease(c, renewed, now)).ConfigureAwait(false);
        return changed == 1 ? renewed : null;
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(JobLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await WriteAsync("UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE key = $key AND lease_owner = $owner;", null, cancellationToken, c => BindLease(c, lease, _clock.GetUtcNow())).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<BudgetCharge> TryChargeAsync(string budget, string chargeKey, decimal dollars, decimal capDollars, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(budget);
        ArgumentException.ThrowIfNullOrWhiteSpace(chargeKey);
        ArgumentOutOfRangeException.ThrowIfNegative(dollars);
        ArgumentOutOfRangeException.ThrowIfNegative(capDollars);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();

            // IMMEDIATE: the sum and the insert happen under SQLite's write lock, so two processes cannot both fit under the cap.
            using var transaction = connection.BeginTransaction(deferred: false);
            var charged = Scalar(connection, transaction, "SELECT COUNT(*) FROM budget_charges WHERE budget = $budget AND charge_key = $key;", budget, chargeKey) > 0;
            var taken = Scalar(connection, transaction, "SELECT COALESCE(SUM(micro_dollars), 0) FROM budget_charges WHERE budget = $budget;", budget, chargeKey);
            var cost = Micros(dollars);
            if (!charged && taken + cost > Micros(capDollars))
            {
                return new BudgetCharge(false, Dollars(taken), capDollars);
            }

            if (!charged)
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO budget_charges (budget, charge_key, micro_dollars) VALUES ($budget, $key, $micros);";
                insert.Parameters.AddWithValue("$budget", budget);
                insert.Parameters.AddWithValue("$key", chargeKey);
                insert.Parameters.AddWithValue("$micros", cost);
                insert.ExecuteNonQuery();
                taken += cost;
            }

            transaction.Commit();
            return new BudgetCharge(true, Dollars(taken), capDollars);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc/>
    public async Task RefundAsync(string budget, string chargeKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(budget);
        ArgumentException.ThrowIfNullOrWhiteSpace(chargeKey);
        await WriteAsync("DELETE FROM budget_charges WHERE budget = $budget AND charge_key = $key;", null, cancellationToken, c =>
        {
            c.Parameters.AddWithValue("$budget", budget);
            c.Parameters.AddWithValue("$key", chargeKey);
        }).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<decimal> ChargedAsync(string budget, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(budget);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        return Task.FromResult(Dollars(Scalar(connection, transaction, "SELECT COALESCE(SUM(micro_dollars), 0) FROM budget_charges WHERE budget = $budget;", budget, string.Empty)));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<JobRecord>> ListUnfinishedAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM jobs WHERE state NOT IN ({FinishedStates}) ORDER BY created_at, key;", cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<JobRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM jobs ORDER BY created_at, key;", cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => "SQLite job ledger at " + Path;

    /// <summary>Closes the pooled connections to the file, as a process that ends would.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writer.Dispose();
    }

    private static string Parameters => string.Join(", ", Columns.Split(", ").Select(c => "$" + c));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Micros(decimal dollars) => (long)decimal.Round(dollars * 1_000_000m, MidpointRounding.AwayFromZero);

    private static decimal Dollars(long micros) => micros / 1_000_000m;

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, string budget, string chargeKey)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$budget", budget);
        command.Parameters.AddWithValue("$key", chargeKey);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static JobRecord Read(SqliteDataReader r) => new()
    {
        Key = r.GetString(0),
        Provider = r.GetString(1),
        State = Enum.Parse<JobState>(r.GetString(2)),
        Request = r.GetString(3),
        EstimatedDollars = r.IsDBNull(4) ? null : decimal.Parse(r.GetString(4), CultureInfo.InvariantCulture),
        CallbackUrl = r.IsDBNull(5) ? null : r.GetString(5),
        TaskId = r.IsDBNull(6) ? null : r.GetString(6),
        Submits = r.GetInt32(7),
        SubmitSentAt = r.IsDBNull(8) ? null : DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture),
        Location = r.IsDBNull(9) ? null : r.GetString(9),
        Sha256 = r.IsDBNull(10) ? null : r.GetString(10),
        Bytes = r.IsDBNull(11) ? null : r.GetInt64(11),
        Error = r.IsDBNull(12) ? null : r.GetString(12),
        CreatedAt = DateTimeOffset.Parse(r.GetString(13), CultureInfo.InvariantCulture),
        UpdatedAt = DateTimeOffset.Parse(r.GetString(14), CultureInfo.InvariantCulture),
        CompletedAt = r.IsDBNull(15) ? null : DateTimeOffset.Parse(r.GetString(15), CultureInfo.InvariantCulture),
        Version = r.GetInt64(16),
        ChallengedAt = r.IsDBNull(17) ? null : DateTimeOffset.Parse(r.GetString(17), CultureInfo.InvariantCulture),
    };

    private static void Bind(SqliteCommand command, JobRecord job)
    {
        object Value(object? value) => value ?? DBNull.Value;
        command.Parameters.AddWithValue("$key", job.Key);
        command.Parameters.AddWithValue("$provider", job.Provider);
        command.Parameters.AddWithValue("$state", job.State.ToString());
        command.Parameters.AddWithValue("$request", job.Request);
        command.Parameters.AddWithValue("$estimated_dollars", Value(job.EstimatedDollars?.ToString(CultureInfo.InvariantCulture)));
        command.Parameters.AddWithValue("$callback_url", Value(job.CallbackUrl));
        command.Parameters.AddWithValue("$task_id", Value(job.TaskId));
        command.Parameters.AddWithValue("$submits", job.Submits);
        command.Parameters.AddWithValue("$submit_sent_at", Value(job.SubmitSentAt?.ToString("O", CultureInfo.InvariantCulture)));
        command.Parameters.AddWithValue("$location", Value(job.Location));
        command.Parameters.AddWithValue("$sha256", Value(job.Sha256));
        command.Parameters.AddWithValue("$bytes", Value(job.Bytes));
        command.Parameters.AddWithValue("$error", Value(job.Error));
        command.Parameters.AddWithValue("$created_at", job.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$updated_at", job.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$completed_at", Value(job.CompletedAt?.ToString("O", CultureInfo.InvariantCulture)));
        command.Parameters.AddWithValue("$version", job.Version);
        command.Parameters.AddWithValue("$challenged_at", Value(job.ChallengedAt?.ToString("O", CultureInfo.InvariantCulture)));
    }

    // Lease times are UTC ticks, so the store compares them as numbers whatever the offset they were taken in.
    private static void BindLease(SqliteCommand command, JobLease lease, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("$key", lease.Key);
        command.Parameters.AddWithValue("$owner", lease.Owner);
        command.Parameters.AddWithValue("$until", lease.ExpiresAt.UtcTicks);
        command.Parameters.AddWithValue("$now", now.UtcTicks);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private async Task<int> WriteAsync(string sql, JobRecord? job, CancellationToken cancellationToken, Action<SqliteCommand>? bind = null)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (job is not null)
            {
                Bind(command, job);
            }

            bind?.Invoke(command);

            // Not cancellable once started: a half-known write is worse than a late one.
            return await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<IReadOnlyList<JobRecord>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var jobs = new List<JobRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(Read(reader));
        }

        return jobs;
    }
}
