using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>Caps refuse jobs before any request; every run is on the virtual clock, so a missing check fails instead of hanging.</summary>
public sealed class BudgetTests
{
    [Fact]
    public async Task A_job_over_its_cap_is_refused_before_any_request_and_the_ledger_is_untouched()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess();
        var cost = process.Runner.Client.EstimateCost(Requests.Clip()).Dollars!.Value;

        var refused = await Assert.ThrowsAsync<HailuoBudgetExceededException>(() => world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip(), budget: new JobBudget(cost - 0.01m))));

        Assert.Equal(cost, refused.CostDollars);
        Assert.Contains("clip-1", refused.Message, StringComparison.Ordinal);
        Assert.Empty(world.Simulator.Admin.Journal);
        Assert.Empty(await process.Ledger.ListAsync());
    }

    [Fact]
    public async Task A_batch_cap_admits_jobs_until_the_next_would_pass_it()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess();
        var cost = process.Runner.Client.EstimateCost(Requests.Clip()).Dollars!.Value;
        var batch = new JobBudget(cost * 2);

        await world.Time.RunAsync(process.Runner.RunAsync("a", Requests.Clip(), budget: batch));
        await world.Time.RunAsync(process.Runner.RunAsync("b", Requests.Clip(), budget: batch));
        await Assert.ThrowsAsync<HailuoBudgetExceededException>(() => world.Time.RunAsync(process.Runner.RunAsync("c", Requests.Clip(), budget: batch)));

        Assert.Equal(2, world.Simulator.Admin.Tasks.Count);
        Assert.Equal(cost * 2, batch.ReservedDollars);
    }

    [Fact]
    public async Task A_job_with_an_unpublished_price_is_refused_under_a_cap()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess();
        var request = Requests.Clip();
        request.Resolution = HailuoSpec.ApiMart.Models[0].Prices.First(p => p.DollarsPerSecond is null).Resolution;

        var refused = await Assert.ThrowsAsync<HailuoBudgetExceededException>(() => world.Time.RunAsync(process.Runner.RunAsync("clip-1", request, budget: new JobBudget(100m))));

        Assert.Null(refused.CostDollars);
        Assert.Contains("not published", refused.Message, StringComparison.Ordinal);
        Assert.Empty(world.Simulator.Admin.Journal);
    }
}
