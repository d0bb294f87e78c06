using System.Diagnostics.Metrics;
using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

public sealed class JobRunnerTests
{
    [Fact]
    public async Task Each_step_is_in_the_ledger_before_the_next_starts()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess();
        var seen = new List<(JobState State, int Submits, bool FileThere)>();
        process.Runner.Changed += (_, e) =>
        {
            if (e.Message != "polled")
            {
                // What the ledger holds at the moment of the event, read through a second connection.
                var held = new SqliteJobStore(world.LedgerPath);
                var job = held.FindAsync(e.Key).GetAwaiter().GetResult()!;
                held.Dispose();
                seen.Add((job.State, world.SubmitsReceived, job.Location is not null && File.Exists(job.Location)));
            }
        };

        await world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip()));

        Assert.Equal(
            [(JobState.Created, 0, false), (JobState.Submitting, 0, false), (JobState.Submitted, 1, false), (JobState.Completed, 1, false), (JobState.Stored, 1, true)],
            seen);
    }

    [Fact]
    public async Task Concurrent_starts_of_one_key_submit_once()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess();

        var jobs = await world.Time.RunAsync(Task.WhenAll(Enumerable.Range(0, 4).Select(_ => process.Runner.RunAsync("same", Requests.Clip()))));

        Assert.All(jobs, j => Assert.Equal(JobState.Stored, j.State));
        Assert.Equal(1, world.SubmitsReceived);
    }

    [Fact]
    public async Task A_submit_reset_after_the_task_was_created_ends_outcome_unknown_and_is_not_submitted_again()
    {
        await using var world = JobWorld.Start();
        world.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, 1));
        var events = new List<JobEvent>();
        var process = world.StartProcess();

        var job = await world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip(), new Inline(events.Add)));
        var resumed = await world.Time.RunAsync(world.StartProcess().Runner.ResumeAsync("clip-1"));

        Assert.Equal(JobState.OutcomeUnknown, job.State);
        Assert.Equal(JobState.OutcomeUnknown, resumed.State);
        Assert.Contains(events, e => e.State == JobState.OutcomeUnknown);
        Assert.Single(world.Simulator.Admin.Tasks);
        Assert.Equal(1, world.SubmitsReceived);
    }

    [Fact]
    public async Task A_failed_task_is_recorded_as_failed_with_the_providers_words()
    {
        await using var world = JobWorld.Start();

        var job = await world.Time.RunAsync(world.StartProcess().Runner.RunAsync("clip-1", Requests.Clip("a cat #sim-fail")));

        Assert.Equal(JobState.Failed, job.State);
        Assert.False(string.IsNullOrWhiteSpace(job.Error));
        Assert.Null(job.Location);
    }

    [Fact]
    public async Task Telemetry_counts_started_completed_resumed_and_money_spent()
    {
        await using var world = JobWorld.Start();
        var counts = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == HailuoJobsTelemetry.Name)
            {
                l.EnableMeasurementEvents(i);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => Add(i.Name, v));
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => Add(i.Name, v));
        listener.Start();
        var process = world.StartProcess(store: s => new KillBeforeWriting(s, JobState.Stored));
        var cost = process.Runner.Client.EstimateCost(Requests.Clip()).Dollars!.Value;
        var key = "telemetry-" + Guid.NewGuid().ToString("N");

        await Assert.ThrowsAsync<ProcessKilledException>(() => world.Time.RunAsync(process.Runner.RunAsync(key, Requests.Clip())));
        await world.Time.RunAsync(world.StartProcess().Runner.ResumeAsync(key));

        // Other tests run in parallel on the same static Meter, so these are lower bounds.
        Assert.True(counts.GetValueOrDefault(HailuoJobsTelemetry.JobsStarted) >= 1);
        Assert.True(counts.GetValueOrDefault(HailuoJobsTelemetry.JobsResumed) >= 1);
        Assert.True(counts.GetValueOrDefault(HailuoJobsTelemetry.JobsCompleted) >= 1);
        Assert.True(counts.GetValueOrDefault(HailuoJobsTelemetry.MoneySpent) >= (double)cost);

        void Add(string name, double value)
        {
            lock (counts)
            {
                counts[name] = counts.GetValueOrDefault(name) + value;
            }
        }
    }

    private sealed class Inline(Action<JobEvent> report) : IProgress<JobEvent>
    {
        public void Report(JobEvent value) => report(value);
    }
}
