using BenchmarkDotNet.Attributes;
using Hailuo.Jobs;
using Hailuo.Jobs.PostgreSql;
using Hailuo.Testing;
using Npgsql;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>What one job step costs in the PostgreSQL ledger, beside the floor: one bare committed UPDATE on the same server.</summary>
[MemoryDiagnoser]
public class PostgreSqlLedgerStepBenchmarks : LedgerSteps, IDisposable
{
    private PostgreSqlCluster _cluster = null!;
    private PostgreSqlJobStore _store = null!;
    private NpgsqlConnection _raw = null!;

    /// <summary>A durable throwaway cluster on local disk (fsync on, as a real server), the ledger holding 1,000 jobs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _cluster = PostgreSqlCluster.StartAsync(durable: true).GetAwaiter().GetResult();
        _store = PostgreSqlJobStore.OpenAsync(_cluster.ConnectionString).GetAwaiter().GetResult();
        Fill(_store);
        _raw = new NpgsqlConnection(_cluster.ConnectionString);
        _raw.Open();
    }

    /// <summary>The floor: one committed UPDATE of two columns on an open connection, no record mapping.</summary>
    [Benchmark(Baseline = true)]
    public int BarePostgreSqlUpdate()
    {
        using var command = new NpgsqlCommand("UPDATE hailuo.jobs SET task_id = @task, updated_at = @at WHERE key = 'job-0';", _raw);
        command.Parameters.AddWithValue("task", NextId("task-"));
        command.Parameters.AddWithValue("at", DateTimeOffset.UtcNow);
        return command.ExecuteNonQuery();
    }

    /// <summary>A worker takes (or extends) its lease on the job before a step, on the server's clock.</summary>
    [Benchmark]
    public Task<JobLease?> ClaimLease() => _store.TryClaimAsync("job-1", "worker-1", TimeSpan.FromMinutes(5));

    /// <summary>A new job's charge against a shared budget: one transaction under the budget's lock.</summary>
    [Benchmark]
    public Task<BudgetCharge> ChargeBudget() => _store.TryChargeAsync("bench", NextId("charge-"), 0.40m, decimal.MaxValue / 2);

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
