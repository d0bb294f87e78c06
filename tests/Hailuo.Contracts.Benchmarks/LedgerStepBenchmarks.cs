using BenchmarkDotNet.Attributes;
using Hailuo.Jobs;
using Microsoft.Data.Sqlite;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>What one job step costs in the SQLite ledger, beside the floor: one bare committed UPDATE on the same file.</summary>
[MemoryDiagnoser]
public class LedgerStepBenchmarks : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hailuo-ledger-bench-" + Guid.NewGuid().ToString("N"));
    private SqliteJobStore _store = null!;
    private SqliteConnection _raw = null!;
    private JobRecord _job = null!;
    private JobRecord _current = null!;
    private long _next;

    /// <summary>A ledger on local disk holding 1,000 jobs, as a busy batch would.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _store = new SqliteJobStore(Path.Combine(_folder, "ledger.db"));
        var now = DateTimeOffset.UnixEpoch;
        _job = new JobRecord
        {
            Key = "job-0",
            Provider = "APIMart",
            State = JobState.Submitting,
            Request = """{"model":"MiniMax-Hailuo-02","prompt":"A cute cat running on the grass [Pan left]","resolution":"1080p","duration":5}""",
            EstimatedDollars = 0.40m,
            CreatedAt = now,
            UpdatedAt = now,
        };
        for (var i = 0; i < 1000; i++)
        {
            _store.AddOrGetAsync(_job with { Key = "job-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).GetAwaiter().GetResult();
        }

        _current = _store.FindAsync("job-0").GetAwaiter().GetResult()!;
        _raw = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _store.Path, Pooling = true }.ToString());
        _raw.Open();
    }

    /// <summary>The floor: one committed UPDATE of two columns on an open connection, no record mapping.</summary>
    [Benchmark(Baseline = true)]
    public int BareSqliteUpdate()
    {
        using var command = _raw.CreateCommand();
        command.CommandText = "UPDATE jobs SET task_id = $task, updated_at = $at WHERE key = 'job-0';";
        command.Parameters.AddWithValue("$task", "task-" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return command.ExecuteNonQuery();
    }

    /// <summary>A step: the task id is recorded (the whole record, compare-and-set on its version, committed before the next step starts).</summary>
    [Benchmark]
    public async Task RecordTaskId() =>
        _current = await _store.TrySaveAsync(_current with { State = JobState.Submitted, TaskId = "task-" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture), UpdatedAt = DateTimeOffset.UtcNow })
            ?? throw new InvalidOperationException("The benchmark's own write conflicted.");

    /// <summary>The first step: a new job's submit intent, added unless its key is taken, then read back.</summary>
    [Benchmark]
    public Task<JobRecord> RecordSubmitIntent() =>
        _store.AddOrGetAsync(_job with { Key = "new-" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Idempotency: starting a job whose key is in the ledger reads it back and writes nothing.</summary>
    [Benchmark]
    public Task<JobRecord?> FindByKey() => _store.FindAsync("job-500");

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
