using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>A budget charged in the ledger: the cap holds across every runner sharing the store, and each job is charged once.</summary>
public sealed class SharedBudgetTests
{
    [Fact]
    public async Task Fifty_jobs_on_two_runners_racing_a_budget_that_covers_twenty_submit_exactly_twenty()
    {
        await using var world = JobWorld.Start();
        var cost = world.StartProcess().Runner.Client.EstimateCost(Requests.Clip()).Dollars!.Value;
        var budget = new SharedBudget("catalogue", cost * 20);
        var runners = new[] { world.StartProcess(o => o.SharedBudget = budget), world.StartProcess(o => o.SharedBudget = budget) };

        var jobs = await world.Time.RunAsync(Task.WhenAll(Enumerable.Range(0, 50).Select(i => runners[i % 2].Runner.RunAsync("clip-" + i, Requests.Clip("clip " + i)))));

        Assert.Equal(20, world.SubmitsReceived);
        Assert.Equal(20, jobs.Count(j => j.State == JobState.Stored));
        Assert.All(jobs.Where(j => j.State != JobState.Stored), j =>
        {
            Assert.Equal(JobState.Failed, j.State);
            Assert.Equal(0, j.Submits);
            Assert.Contains("refused before any request", j.Error, StringComparison.Ordinal);
            Assert.Contains("'catalogue'", j.Error, StringComparison.Ordinal);
        });
        Assert.Equal(cost * 20, await runners[0].Ledger.ChargedAsync("catalogue"));
    }

    [Fact]
    public async Task Charging_one_job_twice_charges_once_and_a_refund_gives_it_back()
    {
        await using var world = JobWorld.Start();
        var ledger = world.StartProcess().Ledger;

        var first = await ledger.TryChargeAsync("catalogue", "clip-1", 0.20m, 0.30m);
        var again = await ledger.TryChargeAsync("catalogue", "clip-1", 0.20m, 0.30m);
        var over = await ledger.TryChargeAsync("catalogue", "clip-2", 0.20m, 0.30m);

        Assert.Equal(new BudgetCharge(true, 0.20m, 0.30m), first);
        Assert.Equal(new BudgetCharge(true, 0.20m, 0.30m), again);
        Assert.Equal(new BudgetCharge(false, 0.20m, 0.30m), over);
        Assert.Equal(0m, await ledger.ChargedAsync("another budget"));

        await ledger.RefundAsync("catalogue", "clip-1");
        Assert.True((await ledger.TryChargeAsync("catalogue", "clip-2", 0.20m, 0.30m)).Charged);
        Assert.Equal(0.20m, await ledger.ChargedAsync("catalogue"));
    }
}
