using System.Globalization;
using BenchmarkDotNet.Attributes;
using Hailuo.Jobs;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>The job steps every ledger is measured on; each store's class adds its own floor, a bare UPDATE, as the baseline.</summary>
public abstract class LedgerSteps
{
    private IJobStore _store = null!;
    private JobRecord _job = null!;
    private JobRecord _current = null!;
    private long _next;

    /// <summary>A step: the task id is recorded (the whole record, compare-and-set on its version, committed before the next step starts).</summary>
    [Benchmark]
    public async Task RecordTaskId() =>
        _current = await _store.TrySaveAsync(_current with { State = JobState.Submitted, TaskId = NextId("task-"), UpdatedAt = DateTimeOffset.UtcNow })
            ?? throw new InvalidOperationException("The benchmark's own write conflicted.");

    /// <summary>The first step: a new job's submit intent, added unless its key is taken, then read back.</summary>
    [Benchmark]
    public Task<JobRecord> RecordSubmitIntent() => _store.AddOrGetAsync(_job with { Key = NextId("new-") });

    /// <summary>Idempotency: starting a job whose key is in the ledger reads it back and writes nothing.</summary>
    [Benchmark]
    public Task<JobRecord?> FindByKey() => _store.FindAsync("job-500");

    /// <summary>A name not used before in this run.</summary>
    protected string NextId(string prefix) => prefix + (++_next).ToString(CultureInfo.InvariantCulture);

    /// <summary>Fills <paramref name="store"/> with 1,000 jobs, as a busy batch would, and measures the steps on it.</summary>
    protected void Fill(IJobStore store)
    {
        _store = store;
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
            store.AddOrGetAsync(_job with { Key = "job-" + i.ToString(CultureInfo.InvariantCulture) }).GetAwaiter().GetResult();
        }

        _current = store.FindAsync("job-0").GetAwaiter().GetResult()!;
    }
}
