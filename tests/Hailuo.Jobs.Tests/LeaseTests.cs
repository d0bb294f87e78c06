using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>The runner claims a job's lease before advancing it: one owner at a time, however many runners share the ledger.</summary>
public sealed class LeaseTests
{
    [Fact]
    public async Task Two_runners_racing_one_job_submit_once_and_the_second_leaves_it_alone()
    {
        await using var world = JobWorld.Start();
        var first = world.StartProcess();
        var second = world.StartProcess();
        var touchedBySecond = new List<JobEvent>();
        second.Runner.Changed += (_, e) => touchedBySecond.Add(e);
        Task<JobRecord>? racing = null;
        first.Runner.Changed += (_, e) => racing ??= e.Message == "submitting" ? second.Runner.RunAsync("clip-1", Requests.Clip()) : null;

        var won = await world.Time.RunAsync(first.Runner.RunAsync("clip-1", Requests.Clip()));
        var skipped = await world.Time.RunAsync(racing!);

        Assert.Equal(JobState.Stored, won.State);
        Assert.Equal(JobState.Submitting, skipped.State);
        Assert.Empty(touchedBySecond);
        Assert.Equal(1, world.SubmitsReceived);
        Assert.NotEqual(first.Runner.Owner, second.Runner.Owner);
    }

    [Fact]
    public async Task A_lease_that_expired_lets_a_second_owner_take_the_job_over()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess(o => o.Owner = "runner-b");
        await process.Runner.Steps.RecordAsync("clip-1", Requests.Clip());
        await process.Ledger.TryClaimAsync("clip-1", "runner-a-that-died", TimeSpan.FromMinutes(10));

        var skipped = await world.Time.RunAsync(process.Runner.ResumeAsync("clip-1"));
        Assert.Equal(JobState.Created, skipped.State);
        Assert.Empty(world.Simulator.Admin.Journal);

        world.Time.Advance(TimeSpan.FromMinutes(10));
        var taken = await world.Time.RunAsync(process.Runner.ResumeAsync("clip-1"));

        Assert.Equal(JobState.Stored, taken.State);
        Assert.Equal(1, world.SubmitsReceived);
        Assert.NotNull(await process.Ledger.TryClaimAsync("clip-1", "runner-c", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_runner_that_loses_its_lease_stops_touching_the_job()
    {
        await using var world = JobWorld.Start();
        var events = new List<JobEvent>();
        var process = world.StartProcess(o => o.LeaseDuration = TimeSpan.FromSeconds(20), store: s => new LeaseTakenOnRenewal(s));
        process.Runner.Changed += (_, e) => events.Add(e);

        var job = await world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip()));

        // The lease was lost at the first renewal, while the render ran: no poll, download or write after it.
        Assert.Equal(JobState.Submitted, job.State);
        Assert.DoesNotContain(events, e => e.State is JobState.Completed or JobState.Stored);
        Assert.Equal(1, world.SubmitsReceived);
    }

    /// <summary>A ledger where another owner takes every job the moment its lease is renewed.</summary>
    private sealed class LeaseTakenOnRenewal(IJobStore inner) : ForwardingStore(inner)
    {
        public override Task<JobLease?> RenewAsync(JobLease lease, TimeSpan duration, CancellationToken cancellationToken = default) => Task.FromResult<JobLease?>(null);
    }
}
