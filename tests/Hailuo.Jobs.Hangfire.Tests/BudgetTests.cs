using Hailuo.Jobs.Hangfire.Tests.Support;

namespace Hailuo.Jobs.Hangfire.Tests;

/// <summary>The budget is kept in the shared ledger: however many workers race, jobs past it are refused before any request.</summary>
[Collection(SharedCluster.Name)]
public sealed class BudgetTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Fifty_jobs_racing_a_budget_that_covers_twenty_submit_exactly_twenty()
    {
        await using var deployment = await Deployment.StartAsync(cluster);
        var price = deployment.Steps.Client.EstimateCost(Deployment.Clip("x")).Dollars!.Value;
        var cap = (price * 20).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await deployment.StartWorkerAsync(8, "--budget", cap, "--budget-name", "catalogue");
        await deployment.StartWorkerAsync(8, "--budget", cap, "--budget-name", "catalogue");

        await Task.WhenAll(Enumerable.Range(1, 50).Select(i => deployment.Jobs.StartAsync($"clip-{i}", Deployment.Clip($"clip-{i}"))));
        var jobs = await deployment.WaitUntilSettledAsync(50, TimeSpan.FromMinutes(3));

        Assert.Equal(20, deployment.Simulator.Admin.Tasks.Count);
        Assert.Equal(20, deployment.Simulator.Admin.Journal.Count(e => e.Endpoint == SimulatorEndpoint.Submit));
        Assert.Equal(20, jobs.Count(j => j.State == JobState.Stored));
        Assert.All(jobs.Where(j => j.State != JobState.Stored), j => Assert.Equal((JobState.Failed, 0, null), (j.State, j.Submits, j.TaskId)));
        Assert.Equal(price * 20, await deployment.Ledger.ChargedAsync("catalogue"));
    }
}
