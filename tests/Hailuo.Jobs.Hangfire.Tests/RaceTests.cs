using Hailuo.Jobs.Hangfire.Tests.Support;

namespace Hailuo.Jobs.Hangfire.Tests;

/// <summary>Steps that run twice, on two workers, or past their lease never submit twice (counted by the simulator).</summary>
[Collection(SharedCluster.Name)]
public sealed class RaceTests(PostgresCluster cluster)
{
    private const int Jobs = 12;

    // Steps one worker process runs at once.
    private const int Workers = 4;

    [Fact]
    public async Task The_same_step_enqueued_twice_on_two_workers_submits_each_job_once()
    {
        await using var deployment = await Deployment.StartAsync(cluster);
        await deployment.StartWorkerAsync(Workers);
        await deployment.StartWorkerAsync(Workers);
        var keys = await RecordAsync(deployment);
        await using var gate = await LedgerReadGate.CloseAsync(deployment.ConnectionString);

        foreach (var key in keys)
        {
            deployment.Jobs.Enqueue(key);
            deployment.Jobs.Enqueue(key);
        }

        // Hangfire hands steps out in enqueue order, so the workers hold both copies of the first jobs, each stopped
        // between its read of the created job and its submit intent; opened at once, the copies' writes race.
        await gate.WaitForReadersAsync(2 * Workers, TimeSpan.FromMinutes(1));
        await gate.OpenAsync();
        var jobs = await deployment.WaitUntilSettledAsync(Jobs, TimeSpan.FromMinutes(3));

        Assert.All(keys, k => Assert.Equal(1, deployment.TasksPerKey()[k]));
        Assert.All(jobs, j => Assert.Equal(JobState.Stored, j.State));
        Assert.Equal(Jobs, Directory.GetFiles(deployment.OutputFolder).Length);
    }

    [Fact]
    public async Task Two_workers_claiming_one_job_at_once_submit_it_once()
    {
        await using var deployment = await Deployment.StartAsync(cluster);
        var keys = await RecordAsync(deployment);

        // Two owners step every job at the same moment, through the shared ledger's leases.
        var outcomes = await Task.WhenAll(keys.SelectMany(k => new[] { "worker-a", "worker-b" }.Select(owner => deployment.Steps.AdvanceAsync(k, owner))));

        Assert.All(keys, k => Assert.Equal(1, deployment.TasksPerKey()[k]));
        Assert.Equal(Jobs, deployment.Simulator.Admin.Journal.Count(e => e.Endpoint == SimulatorEndpoint.Submit));
        Assert.All(await deployment.Ledger.ListAsync(), j => Assert.Equal(JobState.Submitted, j.State));
        Assert.Equal(Jobs, outcomes.Count(o => o.Step == "submitted"));
    }

    [Fact]
    public async Task A_worker_finding_a_job_whose_lease_another_owner_holds_leaves_it_alone_and_sends_nothing()
    {
        await using var deployment = await Deployment.StartAsync(cluster);
        var keys = await RecordAsync(deployment);

        // Worker a holds every job's lease (its steps are in flight); worker b steps each job meanwhile.
        foreach (var key in keys)
        {
            Assert.NotNull(await deployment.Ledger.TryClaimAsync(key, "worker-a", TimeSpan.FromMinutes(5)));
        }

        var outcomes = await Task.WhenAll(keys.Select(k => deployment.Steps.AdvanceAsync(k, "worker-b")));

        Assert.All(outcomes, o => Assert.True(o.HeldElsewhere, o.ToString()));
        Assert.DoesNotContain(deployment.Simulator.Admin.Journal, e => e.Endpoint == SimulatorEndpoint.Submit);
        Assert.All(await deployment.Ledger.ListAsync(), j => Assert.Equal((JobState.Created, 0), (j.State, j.Submits)));
    }

    [Fact]
    public async Task A_lease_that_expires_while_its_worker_is_paused_is_taken_over_and_the_resumed_worker_submits_nothing_twice()
    {
        await using var deployment = await Deployment.StartAsync(cluster);
        var paused = await deployment.StartWorkerAsync(Workers, "--lease", "00:00:02");
        var keys = await RecordAsync(deployment);
        await using var gate = await LedgerReadGate.CloseAsync(deployment.ConnectionString);
        foreach (var key in keys)
        {
            deployment.Jobs.Enqueue(key);
        }

        // Paused at the worst moment: each of its workers holds a job's lease and has read the job as created, and
        // its submit intent is not written yet. The reads' answers wait in the paused process while the leases expire.
        await gate.WaitForReadersAsync(Workers, TimeSpan.FromMinutes(1));
        paused.Pause();
        await gate.OpenAsync();
        await deployment.StartWorkerAsync(Workers, "--lease", "00:00:02");
        foreach (var key in keys)
        {
            deployment.Jobs.Enqueue(key);
        }

        await deployment.WaitUntilSettledAsync(Jobs, TimeSpan.FromMinutes(3));
        paused.Resume();

        // The resumed worker finishes what it held: its writes lose every compare-and-set, and it sends nothing again. A
        // held submit answer may still settle an "outcome unknown" job, so wait for settled jobs and an idle Hangfire together.
        await deployment.WaitForAsync(jobs => jobs.All(j => j.State.IsFinished() || j.State == JobState.OutcomeUnknown) && deployment.HangfireIdle(), TimeSpan.FromMinutes(2));
        var jobs = await deployment.Ledger.ListAsync();
        Assert.All(keys, k => Assert.Equal(1, deployment.TasksPerKey()[k]));
        Assert.All(jobs, j => Assert.True(j.State is JobState.Stored or JobState.OutcomeUnknown, j.ToString()));
        Assert.Equal(jobs.Count(j => j.State == JobState.Stored), Directory.GetFiles(deployment.OutputFolder).Length);
    }

    private static async Task<string[]> RecordAsync(Deployment deployment)
    {
        var keys = Enumerable.Range(1, Jobs).Select(i => $"clip-{i}").ToArray();
        foreach (var key in keys)
        {
            await deployment.Steps.RecordAsync(key, Deployment.Clip(key));
        }

        return keys;
    }
}
