using BenchmarkDotNet.Attributes;
using Hailuo.Jobs;
using Microsoft.Data.Sqlite;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>What one job step costs in the SQLite ledger, beside the floor: one bare committed UPDATE on the same file.</summary>
[MemoryDiagnoser]
public class LedgerStepBenchmarks : LedgerSteps, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hailuo-ledger-bench-" + Guid.NewGuid().ToString("N"));
    private SqliteJobStore _store = null!;
    private SqliteConnection _raw = null!;

    /// <summary>A ledger on local disk holding 1,000 jobs, as a busy batch would.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _store = new SqliteJobStore(Path.Combine(_folder, "ledger.db"));
        Fill(_store);
        _raw = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _store.Path, Pooling = true }.ToString());
        _raw.Open();
    }

    /// <summary>The floor: one committed UPDATE of two columns on an open connection, no record mapping.</summary>
    [Benchmark(Baseline = true)]
    public int BareSqliteUpdate()
    {
        using var command = _raw.CreateCommand();
        command.CommandText = "UPDATE jobs SET task_id = $task, updated_at = $at WHERE key = 'job-0';";
        command.Parameters.AddWithValue("$task", NextId("task-"));
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return command.ExecuteNonQuery();
    }

    /// <summary>Closes the ledger and deletes its folder.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _raw?.Dispose();
        _store?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
