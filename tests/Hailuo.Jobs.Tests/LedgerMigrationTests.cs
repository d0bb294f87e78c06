using Hailuo.Jobs.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Hailuo.Jobs.Tests;

/// <summary>A ledger written by the previous release (schema 1, user_version 0) opens, migrates once, and its jobs go on.</summary>
public sealed class LedgerMigrationTests
{
    // The previous release's table (main at 8671726, SqliteJobStore), statement for statement.
    private const string PreviousReleaseSchema = """
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

    [Fact]
    public async Task A_ledger_made_by_the_previous_release_opens_migrates_and_its_job_runs_to_the_end()
    {
        await using var world = JobWorld.Start();
        WritePreviousReleaseLedger(world.LedgerPath, world.Simulator);

        var process = world.StartProcess();
        var before = await process.Ledger.FindAsync("old-clip");
        var job = await world.Time.RunAsync(process.Runner.ResumeAsync("old-clip"));

        Assert.Equal((JobState.Completed, 1L, null), (before!.State, before.Version, before.CompletedAt));
        Assert.Equal(JobState.Stored, job.State);
        Assert.Equal(SqliteJobStore.SchemaVersion, UserVersion(world.LedgerPath));
        Assert.Equal(3, SqliteJobStore.SchemaVersion);

        // Opening it again does not migrate twice.
        using var again = new SqliteJobStore(world.LedgerPath);
        Assert.Equal(job, await again.FindAsync("old-clip"));
    }

    [Fact]
    public async Task A_ledger_from_a_newer_release_is_refused_with_its_path_and_versions()
    {
        await using var world = JobWorld.Start();
        using (var connection = new SqliteConnection("Data Source=" + world.LedgerPath))
        {
            connection.Open();
            Execute(connection, "PRAGMA user_version = 9;");
        }

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteJobStore(world.LedgerPath));

        Assert.Contains(world.LedgerPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("version 9", error.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The previous release's file: its schema, WAL, and one completed job as it wrote it.</summary>
    private static void WritePreviousReleaseLedger(string path, HailuoSimulator simulator)
    {
        using var client = new HttpClient(simulator.CreateHandler()) { BaseAddress = simulator.BaseAddress };
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/v1/videos/generations") { Content = new StringContent("""{"model":"MiniMax-Hailuo-02","prompt":"an old clip","resolution":"768p","duration":5}""", System.Text.Encoding.UTF8, "application/json") };
        submit.Headers.Authorization = new("Bearer", JobWorld.Key);
        using var answer = client.Send(submit);
        Assert.True(answer.IsSuccessStatusCode);
        var taskId = Assert.Single(simulator.Admin.Tasks).Id;
        simulator.Admin.Advance(TimeSpan.FromMinutes(10));

        using var connection = new SqliteConnection("Data Source=" + path);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, PreviousReleaseSchema);
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO jobs (key, provider, state, request, estimated_dollars, callback_url, task_id, submits, submit_sent_at, location, sha256, bytes, error, created_at, updated_at)
            VALUES ('old-clip', 'APIMart', 'Completed', '{"model":"MiniMax-Hailuo-02","prompt":"an old clip","resolution":"768p","duration":5}', '0.2', NULL, $task, 1, '2026-12-01T10:00:00.0000000+00:00', NULL, NULL, NULL, NULL, '2026-12-01T10:00:00.0000000+00:00', '2026-12-01T10:01:00.0000000+00:00');
            """;
        insert.Parameters.AddWithValue("$task", taskId);
        insert.ExecuteNonQuery();
        SqliteConnection.ClearPool(connection);
    }

    private static long UserVersion(string path)
    {
        using var connection = new SqliteConnection("Data Source=" + path);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        var version = (long)command.ExecuteScalar()!;
        SqliteConnection.ClearPool(connection);
        return version;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
