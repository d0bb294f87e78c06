using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

/// <summary>Admin.WhenStalledAsync tells a test that a Stall fault is holding a request open right now.</summary>
public sealed class StallTests
{
    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task WhenStalled_completes_once_a_stall_holds_a_request_of_that_endpoint_and_not_for_another(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Stall, 1));
        var status = sim.Admin.WhenStalledAsync(SimulatorEndpoint.Status);
        var any = sim.Admin.WhenStalledAsync(SimulatorEndpoint.Any);
        var submit = sim.Admin.WhenStalledAsync(SimulatorEndpoint.Submit);

        var id = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        Assert.False(status.IsCompleted);
        var poll = client.Http.GetAsync(TestClient.StatusPath(WireDialect.ApiMart, id));
        await status.WaitAsync(TimeSpan.FromSeconds(10));
        await any.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(poll.IsCompleted);
        Assert.False(submit.IsCompleted);
        Assert.True(sim.Admin.WhenStalledAsync(SimulatorEndpoint.Status).IsCompletedSuccessfully);
        client.Http.CancelPendingRequests();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WhenStalled_is_cancelled_by_its_token_when_nothing_stalls()
    {
        await using var sim = HailuoSimulator.StartInMemory();
        using var cancel = new CancellationTokenSource();

        var waiting = sim.Admin.WhenStalledAsync(SimulatorEndpoint.Download, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void A_request_counts_as_stalled_only_until_its_stall_ends()
    {
        var watch = new StallWatch();

        var scope = watch.Hold(SimulatorEndpoint.Download);
        var during = watch.WhenStalledAsync(SimulatorEndpoint.Download, CancellationToken.None);
        scope.Dispose();
        var after = watch.WhenStalledAsync(SimulatorEndpoint.Download, CancellationToken.None);

        Assert.True(during.IsCompletedSuccessfully);
        Assert.False(after.IsCompleted);
    }
}
