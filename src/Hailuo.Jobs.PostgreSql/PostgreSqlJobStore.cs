using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace Hailuo.Jobs.PostgreSql;

/// <summary>
/// The ledger shared by many worker processes: one PostgreSQL table. Each write is one statement, a compare-and-set
/// on the row's version; a lease names one owner until a time on the server's clock (or <see cref="PostgreSqlJobStoreOptions.Clock"/>).
/// </summary>
public sealed partial class PostgreSqlJobStore : IJobStore, IDisposable, IAsyncDisposable
{
    private const string Columns = "key, provider, state, request, estimated_dollars, callback_url, task_id, submits, submit_sent_at, location, sha256, bytes, error, created_at, updated_at, completed_at, version, challenged_at";

    private static readonly string Parameters = string.Join(", ", Columns.Split(", ").Select(c => "@" + c));

    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider? _clock;
    private readonly string _jobs;
    private readonly string _charges;

    private PostgreSqlJobStore(NpgsqlDataSource source, string schema, TimeProvider? clock, string where)
    {
        _source = source;
        _clock = clock;
        _jobs = schema + ".jobs";
        _charges = schema + ".budget_charges";
        Schema = schema;
        Where = where;
    }

    /// <summary>The schema holding the ledger.</summary>
    public string Schema { get; }

    /// <summary>The server and database, as host:port/database (never the password).</summary>
    public string Where { get; }

    /// <summary>The schema version this release writes; a ledger with a higher one is refused.</summary>
    public static int SchemaVersion => PostgreSqlLedgerSchema.Current;

    /// <summary>Connects, then creates or migrates the ledger's tables; every failure is one line naming the server and the reason.</summary>
    /// <exception cref="PostgreSqlLedgerException">The connection string is not valid, the server cannot be reached or refuses, or the ledger was written by a newer release.</exception>
    public static async Task<PostgreSqlJobStore> OpenAsync(string connectionString, PostgreSqlJobStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        options ??= new PostgreSqlJobStoreOptions();
        if (!SchemaName().IsMatch(options.Schema))
        {
            throw new PostgreSqlLedgerException($"the ledger schema '{options.Schema}' is not allowed; it must be lower-case letters, digits and '_', starting with a letter or '_', up to 63 characters, such as 'hailuo'.");
        }

        var builder = PostgreSqlConnection.Parse(connectionString);
        var where = PostgreSqlConnection.Where(builder);
        var source = NpgsqlDataSource.Create(builder);
        try
        {
            await using (var connection = await PostgreSqlConnection.OpenAsync(source, where, cancellationToken).ConfigureAwait(false))
            {
                await PostgreSqlLedgerSchema.MigrateAsync(connection, options.Schema, where, cancellationToken).ConfigureAwait(false);
            }

            return new PostgreSqlJobStore(source, options.Schema, options.Clock, where);
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<JobRecord?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var command = _source.CreateCommand($"SELECT {Columns} FROM {_jobs} WHERE key = @key;");
        command.Parameters.AddWithValue("key", key);
        return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<JobRecord> AddOrGetAsync(JobRecord job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var insert = _source.CreateCommand($"INSERT INTO {_jobs} ({Columns}) VALUES ({Parameters}) ON CONFLICT (key) DO NOTHING RETURNING {Columns};");
        JobRows.Bind(insert, job with { Version = 1 });

        // A new statement sees a row another worker committed while this insert waited on its key.
        return await WriteOneAsync(insert).ConfigureAwait(false)
            ?? await FindAsync(job.Key, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The ledger at {Where} lost job {job.Key} right after writing it.");
    }

    /// <inheritdoc/>
    public async Task<JobRecord?> TrySaveAsync(JobRecord job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var update = _source.CreateCommand($"UPDATE {_jobs} SET ({Columns}) = ({Parameters}) WHERE key = @key AND version = @seen RETURNING {Columns};");
        JobRows.Bind(update, job with { Version = job.Version + 1 });
        update.Parameters.AddWithValue("seen", job.Version);
        return await WriteOneAsync(update).ConfigureAwait(false)
            ?? (await ExistsAsync(job.Key, cancellationToken).ConfigureAwait(false) ? null : throw new KeyNotFoundException($"The ledger at {Where} holds no job {job.Key} to update."));
    }

    /// <inheritdoc/>
    public async Task<JobLease?> TryClaimAsync(string key, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var until = await LeaseAsync(
            $"UPDATE {_jobs} SET lease_owner = @owner, lease_until = clock.now + @duration FROM clock WHERE key = @key AND (lease_owner IS NULL OR lease_owner = @owner OR lease_until <= clock.now) RETURNING lease_until;",
            key,
            owner,
            duration).ConfigureAwait(false);
        if (until is { } expires)
        {
            return new JobLease(key, owner, expires);
        }

        return await ExistsAsync(key, cancellationToken).ConfigureAwait(false) ? null : throw new KeyNotFoundException($"The ledger at {Where} holds no job {key} to claim.");
    }

    /// <inheritdoc/>
    public async Task<JobLease?> RenewAsync(JobLease lease, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);

        // Still ours: either unexpired, or expired with nobody having taken it since.
        var until = await LeaseAsync($"UPDATE {_jobs} SET lease_until = clock.now + @duration FROM clock WHERE key = @key AND lease_owner = @owner RETURNING lease_until;", lease.Key, lease.Owner, duration).ConfigureAwait(false);
        return until is { } expires ? lease with { ExpiresAt = expires } : null;
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(JobLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var command = _source.CreateCommand($"UPDATE {_jobs} SET lease_owner = NULL, lease_until = NULL WHERE key = @key AND lease_owner = @owner;");
        command.Parameters.AddWithValue("key", lease.Key);
        command.Parameters.AddWithValue("owner", lease.Owner);
        await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<JobRecord>> ListUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _source.CreateCommand($"SELECT {Columns} FROM {_jobs} WHERE state <> ALL(@finished) ORDER BY created_at, key;");
        command.Parameters.AddWithValue("finished", JobStates.FinishedNames.ToArray());
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<JobRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _source.CreateCommand($"SELECT {Columns} FROM {_jobs} ORDER BY created_at, key;");
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override string ToString() => $"PostgreSQL job ledger in schema '{Schema}' at {Where}";

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _source.Dispose();

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private static async Task<JobRecord?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? JobRows.Read(reader) : null;
    }

    // Not cancellable once started: a half-known write is worse than a late one.
    private static Task<JobRecord?> WriteOneAsync(NpgsqlCommand command) => ReadOneAsync(command, CancellationToken.None);

    private static async Task<IReadOnlyList<JobRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var jobs = new List<JobRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(JobRows.Read(reader));
        }

        return jobs;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand($"SELECT 1 FROM {_jobs} WHERE key = @key;");
        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    // The lease's "now" is the injected clock's when there is one, else the server's: one clock for every worker.
    private async Task<DateTimeOffset?> LeaseAsync(string update, string key, string owner, TimeSpan duration)
    {
        await using var command = _source.CreateCommand("WITH clock AS (SELECT coalesce(@now, clock_timestamp()) AS now) " + update);
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = _clock is null ? DBNull.Value : _clock.GetUtcNow().ToUniversalTime() });
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("duration", duration);
        var until = await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
        return until is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
    }
}
