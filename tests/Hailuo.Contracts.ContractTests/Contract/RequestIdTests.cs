using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>A typed exception carries the X-Request-Id of the answer it came from, as the simulator's journal recorded it.</summary>
public sealed class RequestIdTests
{
    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task An_authentication_error_carries_the_request_id_the_simulator_sent(WireDialect dialect)
    {
        await using var world = await SimWorld.StartAsync(dialect, sim => sim.AcceptedKeys = new List<string> { "sk-another-key" });

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.SubmitAsync(Samples.Quick(dialect))));


        Assert.Equal(ErrorMeanings.Authentication, error.ErrorCode);
        var sent = Assert.Single(world.Admin.Journal).RequestId;
        Assert.StartsWith("req_", sent, StringComparison.Ordinal);
        Assert.Equal(sent, error.RequestId);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task An_insufficient_balance_error_carries_the_request_id_whatever_the_http_status(WireDialect dialect)
    {
        await using var world = await SimWorld.StartAsync(dialect, sim => sim.StartingBalance = 0m);

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.SubmitAsync(Samples.Quick(dialect))));


        Assert.Equal(ErrorMeanings.InsufficientBalance, error.ErrorCode);
        Assert.Equal(Assert.Single(world.Admin.Journal).RequestId, error.RequestId);
    }

    [Fact]
    public async Task An_error_after_retries_carries_the_request_id_of_the_last_answer()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, client: c => c.Retry.MaxRetryAttempts = 2);
        var submitted = await world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.ApiMart)));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Status500, 3));

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.GetTaskAsync(submitted.Id)));

        var polls = world.Admin.Journal.Where(j => j.Endpoint == SimulatorEndpoint.Status).ToArray();
        Assert.Equal(3, polls.Length);
        Assert.Equal(3, polls.Select(p => p.RequestId).Distinct().Count());
        Assert.Equal(polls[^1].RequestId, error.RequestId);
    }
}
