using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>A job's steps as a scheduler calls them: at least once, on several workers, never holding a thread while a render runs.</summary>
public sealed class JobStepsTests
{
    [Fact]
    public async Task Steps_run_twice_and_on_two_workers_at_once_submit_once_and_store_one_file()
    {
        await using var world = JobWorld.Start();
        var a = world.StartProcess();
        var b = world.StartProcess();
        await a.Runner.Steps.RecordAsync("clip-1", Requests.Clip());

        var end = await StepDriver.DriveAsync(world, "clip-1", a.Runner.Steps, b.Runner.Steps);

        Assert.Equal(JobState.Stored, end.Job.State);
        Assert.Equal(1, world.SubmitsReceived);
        Assert.Equal(world.Simulator.Admin.Tasks.Single().Id, end.Job.TaskId);
        Assert.Equal(end.Job.Location, Assert.Single(Directory.GetFiles(world.OutputFolder)));
    }

    [Fact]
    public async Task A_job_another_owner_holds_is_left_alone_until_its_lease_ends()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess();
        var recorded = await process.Runner.Steps.RecordAsync("clip-1", Requests.Clip());
        var lease = await process.Ledger.TryClaimAsync("clip-1", "worker-elsewhere", TimeSpan.FromMinutes(3));

        var outcome = await world.Time.RunAsync(process.Runner.Steps.AdvanceAsync("clip-1", "worker-here"));

        Assert.True(outcome.HeldElsewhere);
        Assert.True(outcome.RunAgainAt >= lease!.ExpiresAt, $"asked again at {outcome.RunAgainAt}, before the lease ends at {lease.ExpiresAt}");
        Assert.Equal(recorded.Version, (await process.Ledger.FindAsync("clip-1"))!.Version);
        Assert.Empty(world.Simulator.Admin.Journal);
    }

    [Fact]
    public async Task A_render_in_progress_asks_for_the_next_poll_at_the_interval_and_a_429_at_its_retry_after()
    {
        await using var world = JobWorld.Start();
        var steps = world.StartProcess().Runner.Steps;
        await steps.RecordAsync("clip-1", Requests.Clip());
        var submitted = await world.Time.RunAsync(steps.AdvanceAsync("clip-1", "worker"));
        Assert.Equal(JobState.Submitted, submitted.Job.State);

        var polled = await world.Time.RunAsync(steps.AdvanceAsync("clip-1", "worker"));
        Assert.Equal("polled", polled.Step);
        Assert.Equal(HailuoSpec.Tasks.PollInterval, polled.RunAgainAt - world.Time.GetUtcNow());

        // Four refusals: the client's first try and its three retries; the step then hands the wait to its scheduler.
        RateLimitStorm.Script(world.Simulator.Server, HailuoSpec.ApiMartDialect.Status, 4, TimeSpan.FromSeconds(40));
        world.Time.Advance(HailuoSpec.Tasks.PollInterval);
        var refused = await world.Time.RunAsync(steps.AdvanceAsync("clip-1", "worker"));
        Assert.Equal("poll failed for now", refused.Step);
        Assert.Equal(TimeSpan.FromSeconds(40), refused.RunAgainAt - world.Time.GetUtcNow());
        Assert.Equal(JobState.Submitted, refused.Job.State);
    }
}
