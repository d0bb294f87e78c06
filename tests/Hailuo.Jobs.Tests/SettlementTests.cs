using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>A person settles an "outcome unknown" job: adopt the task found, or mark it failed; anything else changes nothing.</summary>
public sealed class SettlementTests
{
    [Fact]
    public async Task An_adopted_task_id_continues_the_job_to_its_video_without_a_second_submit()
    {
        await using var world = JobWorld.Start();
        world.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, 1));
        var process = world.StartProcess();
        var unknown = await world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip()));
        Assert.Equal(JobState.OutcomeUnknown, unknown.State);
        var found = world.Simulator.Admin.Tasks.Single().Id;

        var adopted = await JobSettlement.AdoptAsync(process.Ledger, "clip-1", found, world.Time);
        var job = await world.Time.RunAsync(process.Runner.ResumeAsync("clip-1"));

        Assert.Equal(JobState.Submitted, adopted.State);
        Assert.Equal(JobState.Stored, job.State);
        Assert.Equal(found, job.TaskId);
        Assert.Equal(1, world.SubmitsReceived);
    }

    [Fact]
    public async Task Settling_refuses_a_path_like_id_and_a_job_that_is_not_outcome_unknown_and_changes_nothing()
    {
        await using var world = JobWorld.Start();
        world.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.ConnectionReset, 1));
        var process = world.StartProcess();
        var unknown = await world.Time.RunAsync(process.Runner.RunAsync("unknown", Requests.Clip()));
        var stored = await world.Time.RunAsync(process.Runner.RunAsync("stored", Requests.Clip()));

        var badId = await Assert.ThrowsAsync<JobSettlementException>(() => JobSettlement.AdoptAsync(process.Ledger, "unknown", "../../__admin/hailuo/reset?x="));
        var notUnknown = await Assert.ThrowsAsync<JobSettlementException>(() => JobSettlement.FailAsync(process.Ledger, "stored"));
        var missing = await Assert.ThrowsAsync<JobSettlementException>(() => JobSettlement.FailAsync(process.Ledger, "nobody"));

        Assert.Contains("is not a task id of APIMart", badId.Message, StringComparison.Ordinal);
        Assert.Contains("job stored is Stored with task", notUnknown.Message, StringComparison.Ordinal);
        Assert.True(missing.NotFound);
        Assert.Equal(unknown.Version, (await process.Ledger.FindAsync("unknown"))!.Version);
        Assert.Equal(stored.Version, (await process.Ledger.FindAsync("stored"))!.Version);

        var failed = await JobSettlement.FailAsync(process.Ledger, "unknown");
        Assert.Equal(JobState.Failed, failed.State);
        Assert.StartsWith("Settled by hand as failed", failed.Error, StringComparison.Ordinal);
    }
}
