using Hailuo.Jobs.Hangfire.Tests.Support;
using Hangfire.States;

namespace Hailuo.Jobs.Hangfire.Tests;

/// <summary>Jobs run as Hangfire steps in worker processes: one Hangfire job per video job, scheduled again between polls.</summary>
[Collection(SharedCluster.Name)]
public sealed class HangfireStepTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_job_is_submitted_polled_on_schedule_and_stored_by_a_worker_process()
    {
        await using var deployment = await Deployment.StartAsync(cluster, s => s.CompletedAfter = TimeSpan.FromSeconds(6));
        await deployment.StartWorkerAsync(workers: 2);

        await deployment.Jobs.StartAsync("clip-1", Deployment.Clip("clip-1"));
        // Idle too: the ledger says Stored before Hangfire marks the step's own job Succeeded (a worker under load lags there).
        var jobs = await deployment.WaitForAsync(j => j.Count == 1 && j[0].State.IsFinished() && deployment.HangfireIdle(), TimeSpan.FromSeconds(90));

        var job = Assert.Single(jobs);
        Assert.Equal(JobState.Stored, job.State);
        Assert.True(File.Exists(job.Location));
        Assert.Equal(1, deployment.TasksPerKey()["clip-1"]);

        // The render's wait was Hangfire schedules, not a held worker: the one Hangfire job went Scheduled between polls.
        var monitoring = deployment.Storage.GetMonitoringApi();
        var succeeded = Assert.Single(monitoring.SucceededJobs(0, 10));
        var history = monitoring.JobDetails(succeeded.Key).History;
        Assert.Contains(history, h => h.StateName == ScheduledState.StateName && h.Reason.StartsWith("polled", StringComparison.Ordinal));
    }
}
