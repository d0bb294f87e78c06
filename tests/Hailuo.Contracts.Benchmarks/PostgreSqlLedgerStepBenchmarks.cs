using BenchmarkDotNet.Attributes;
using Hailuo.Jobs;
using Hailuo.Jobs.PostgreSql;
using Hailuo.Testing;
using Npgsql;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>What one job step costs in the PostgreSQL ledger, beside the floor: one bare committed UPDATE on the same server.</summary>
[MemoryDiagnoser]
public class PostgreSqlLedgerStepBenchmarks : IDisposable
{
    private PostgreSqlCluster _cluster = null!;
    private PostgreSqlJobStore _store = null!;
    private NpgsqlConnection _raw = null!;
    private JobRecord _job = null!;
    private JobRecord _current = null!;
    private long _next;

    /// <summary>A durable throwaway cluster on local disk (fsync on, as a real server), the ledger holding 1,000 jobs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _cluster = PostgreSqlCluster.StartAsync(durable: true).GetAwaiter().GetResult();
        _store = PostgreSqlJobStore.OpenAsync(_cluster.ConnectionString).GetAwaiter().GetResult();
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
        _raw = new NpgsqlConnection(_cluster.ConnectionString);
        _raw.Open();
    }

    /// <summary>The floor: one committed UPDATE of two columns on an open connection, no record mapping.</summary>
    [Benchmark(Baseline = true)]
    public int BarePostgreSqlUpdate()
    {
        using var command = new NpgsqlCommand("UPDATE hailuo.jobs SET task_id = @task, updated_at = @at WHERE key = 'job-0';", _raw);
        command.Parameters.AddWithValue("task", "task-" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("at", DateTimeOffset.UtcNow);
        return command.ExecuteNonQuery();
    }

    /// <summary>A step: the task id is recorded (the whole record, compare-and-set on its version, committed, read back by RETURNING).</summary>
    [Benchmark]
    public async Task RecordTaskId() =>
        _current = await _store.TrySaveAsync(_current with { State = JobState.Submitted, TaskId = "task-" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture), UpdatedAt = DateTimeOffset.UtcNow })
            ?? throw new InvalidOperationException("The benchmark's own write conflicted.");

    /// <summary>The first step: a new job's submit intent, added unless its key is taken.</summary>
    [Benchmark]
    public Task<JobRecord> RecordSubmitIntent() =>
        _store.AddOrGetAsync(_job with { Key = "new-" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Idempotency: starting a job whose key is in the ledger reads it back and writes nothing.</summary>
    [Benchmark]
    public Task<JobRecord?> FindByKey() => _store.FindAsync("job-500");

    /// <summary>A worker takes (or extends) its lease on the job before a step, on the server's clock.</summary>
    [Benchmark]
    public Task<JobLease?> ClaimLease() => _store.TryClaimAsync("job-1", "worker-1", TimeSpan.FromMinutes(5));

    /// <summary>A new job's charge against a shared budget: one transaction under the budget's lock.</summary>
    [Benchmark]
    public Task<BudgetCharge> ChargeBudget() =>
        _store.TryChargeAsync("bench", "charge-" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture), 0.40m, decimal.MaxValue / 2);

    /// <summary>Stops the cluster and deletes its folder.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _raw?.Dispose();
        _store?.Dispose();
        _cluster?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }
}
