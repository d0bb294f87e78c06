using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Hailuo.Jobs;

/// <summary>The default ledger: one SQLite file the user names. Each write is its own committed transaction.</summary>
public sealed class SqliteJobStore : IJobStore, IDisposable
{
    private const string Columns = "key, provider, state, request, estimated_dollars, callback_url, task_id, submits, submit_sent_at, location, sha256, bytes, error, created_at, updated_at";

    private readonly string _connectionString;

    // One writer at a time inside the process: SQLite serialises writers anyway, this avoids busy retries.
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Opens (and creates when missing) the ledger at <paramref name="path"/>.</summary>
    public SqliteJobStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, """
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
            """);
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
        await WriteAsync($"INSERT INTO jobs ({Columns}) VALUES ({Parameters}) ON CONFLICT(key) DO NOTHING;", job, cancellationToken).ConfigureAwait(false);
        return await FindAsync(job.Key, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"The ledger {Path} lost job {job.Key} right after writing it.");
    }

    /// <inheritdoc/>
    public async Task SaveAsync(JobRecord job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var changed = await WriteAsync($"UPDATE jobs SET ({Columns}) = ({Parameters}) WHERE key = $key;", job, cancellationToken).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new InvalidOperationException($"The ledger {Path} holds no job {job.Key} to update.");
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<JobRecord>> ListUnfinishedAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM jobs WHERE state NOT IN ('{nameof(JobState.Stored)}', '{nameof(JobState.Failed)}') ORDER BY created_at, key;", cancellationToken);

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
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private async Task<int> WriteAsync(string sql, JobRecord job, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            Bind(command, job);

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
