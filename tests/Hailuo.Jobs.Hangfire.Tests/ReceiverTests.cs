using System.Net.Http.Json;
using Hailuo.Jobs.Hangfire.Tests.Support;
using Npgsql;

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

    [Fact]
    public async Task Notifications_whose_sender_gave_up_while_the_ledger_was_slow_still_settle_the_job()
    {
        var receiver = new Uri($"http://127.0.0.1:{PostgresCluster.FreePort()}/");
        await using var deployment = await Deployment.StartAsync(
            cluster,
            s => (s.QueuedAfter, s.ProcessingAfter, s.CompletedAfter) = (TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10)),
            o => o.CallbackBaseAddress = receiver);
        await deployment.StartWorkerAsync(0, "--listen", receiver.AbsoluteUri);
        await deployment.StartWorkerAsync(2);
        await WarmUpAsync(receiver);
        deployment.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, 1));
        await deployment.Jobs.StartAsync("clip-1", Deployment.Clip("clip-1"));
        await deployment.WaitForAsync(jobs => jobs.Single().State == JobState.OutcomeUnknown && deployment.Simulator.Admin.Tasks.Single().Callback == CallbackState.Verified, TimeSpan.FromMinutes(1));

        // The ledger is slow (a loaded server) through every notification: the provider gives up on each after its 3 s,
        // while the receiver still waits for the job's row. Its notifications are not sent again.
        await using (var slow = new NpgsqlConnection(deployment.ConnectionString))
        {
            await slow.OpenAsync();
            await using var hold = await slow.BeginTransactionAsync();
            await using (var locking = new NpgsqlCommand("LOCK TABLE hailuo.jobs IN ACCESS EXCLUSIVE MODE", slow, hold))
            {
                await locking.ExecuteNonQueryAsync();
            }

            await deployment.Callbacks.WaitForAsync(a => a.Count(c => c.Key == "clip-1" && !c.Challenge) == 3, TimeSpan.FromMinutes(1));
        }

        // The receiver read them: they are the provider's, on the job's secret URL, so the job takes its task from them.
        var job = Assert.Single(await deployment.WaitForAsync(jobs => jobs.Single().State.IsFinished(), TimeSpan.FromMinutes(1)));
        var task = Assert.Single(deployment.Simulator.Admin.Tasks);
        Assert.All(deployment.Callbacks.For("clip-1").Where(a => !a.Challenge), a => Assert.NotNull(a.Failure));
        Assert.Equal((JobState.Stored, task.Id, 1), (job.State, job.TaskId, job.Submits));
    }

    /// <summary>A first request takes a fresh receiver seconds (code compiled, ledger connected): made before the provider's 3 s count.</summary>
    private static async Task WarmUpAsync(Uri receiver)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 3; i++)
        {
            using var answer = await http.PostAsJsonAsync(CallbackPath.UrlFor(receiver, "warm-up", CallbackPath.NewSecret()), new { challenge = "warm-up" });
            Assert.Equal(System.Net.HttpStatusCode.NotFound, answer.StatusCode);
        }
    }
}
