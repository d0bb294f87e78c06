using Hailuo.Jobs.Hangfire.Tests.Support;

namespace Hailuo.Jobs.Hangfire.Tests;

/// <summary>The callback receiver reconciles through the shared ledger, in a process that runs no workers.</summary>
[Collection(SharedCluster.Name)]
public sealed class ReceiverTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_callback_received_by_a_process_without_workers_settles_a_submit_whose_answer_was_lost()
    {
        var receiver = new Uri($"http://127.0.0.1:{PostgresCluster.FreePort()}/");
        await using var deployment = await Deployment.StartAsync(cluster, jobs: o => o.CallbackBaseAddress = receiver);
        await deployment.StartWorkerAsync(0, "--listen", receiver.AbsoluteUri);
        await deployment.StartWorkerAsync(2);

        // The provider creates the task, then the answer is lost: the job's outcome is unknown until the callback.
        deployment.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, 1));
        await deployment.Jobs.StartAsync("clip-1", Deployment.Clip("clip-1"));
        var job = Assert.Single(await deployment.WaitForAsync(jobs => jobs.All(j => j.State == JobState.Stored), TimeSpan.FromMinutes(2)));

        var task = Assert.Single(deployment.Simulator.Admin.Tasks);
        Assert.Equal(task.Id, job.TaskId);
        Assert.Equal(1, job.Submits);
        Assert.Equal(CallbackState.Verified, task.Callback);
    }
}
