using Hailuo.Contracts.ApiMart;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>Cost is estimated from the spec before submit, and accepted tasks add up per model and resolution.</summary>
public sealed class UsageTests
{
    [Fact]
    public async Task Usage_adds_seconds_and_dollars_per_model_and_resolution_matching_what_the_service_charged()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, sim => sim.StartingBalance = 10m);
        var requests = new[]
        {
            Hailuo02.TextToVideo(Prompt.Of("A")).At768p().Seconds10(),
            Hailuo02.TextToVideo(Prompt.Of("B")).At1080p().Seconds5(),
            Hailuo02.TextToVideo(Prompt.Of("C")).At512p().Seconds5(),
            Hailuo03.TextToVideo(Prompt.Of("D")).At768p().Seconds5(),
        };

        foreach (var request in requests)
        {
            await world.Run(c => c.SubmitAsync(request));
        }

        Assert.Equal(
            new[]
            {
                new UsageLine("MiniMax-Hailuo-02", "1080p", 1, 5, 0.40m, 0),
                new UsageLine("MiniMax-Hailuo-02", "512p", 1, 5, 0m, 5),
                new UsageLine("MiniMax-Hailuo-02", "768p", 1, 10, 0.40m, 0),
                new UsageLine("MiniMax-Hailuo-03", "768p", 1, 5, 0.20m, 0),
            },
            world.Client.Usage.Lines);
        Assert.Equal((4, 25, 1.00m, 5), (world.Client.Usage.Tasks, world.Client.Usage.Seconds, world.Client.Usage.Dollars, world.Client.Usage.UnpricedSeconds));
        Assert.Equal(10m - world.Client.Usage.Dollars, world.Admin.Balance);
    }

    [Fact]
    public async Task The_estimate_before_submit_is_the_one_the_task_carries()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart);
        var untyped = new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = "A cat", Resolution = "1080P" };

        var estimate = world.Client.EstimateCost(untyped);
        var task = await world.Run(c => c.SubmitAsync(untyped));

        Assert.Equal(new CostEstimate(5, 0.40m), estimate);
        Assert.Equal(estimate, task.EstimatedCost);
        Assert.Equal(("1080p", 5), (task.Resolution, task.Duration));
        Assert.Equal(0.40m, world.Admin.Tasks[0].Cost);
    }
}
