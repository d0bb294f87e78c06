using System.Net;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

public sealed class FaultTests
{
    public static TheoryData<SimulatorKind, FaultKind, HttpStatusCode> StatusFaults
    {
        get
        {
            var data = new TheoryData<SimulatorKind, FaultKind, HttpStatusCode>();
            foreach (var kind in Enum.GetValues<SimulatorKind>())
            {
                data.Add(kind, FaultKind.Status500, HttpStatusCode.InternalServerError);
                data.Add(kind, FaultKind.Status502, HttpStatusCode.BadGateway);
                data.Add(kind, FaultKind.Status503, HttpStatusCode.ServiceUnavailable);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(StatusFaults))]
    public async Task Scripted_status_fault_answers_the_next_n_requests_then_stops(SimulatorKind kind, FaultKind fault, HttpStatusCode expected)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, fault, 2));

        using var first = await client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        using var second = await client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        using var third = await client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));

        Assert.Equal(new[] { expected, expected, HttpStatusCode.OK }, new[] { first.StatusCode, second.StatusCode, third.StatusCode });
        Assert.Single(sim.Admin.Tasks);
        Assert.Empty(sim.Admin.PendingFaults);
        Assert.Equal(new FaultKind?[] { fault, fault, null }, sim.Admin.Journal.Select(j => j.Fault));
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Status_503_fault_carries_retry_after_and_minimax_base_resp(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Status503, 1));

        using var response = await client.SubmitAsync(WireDialect.MiniMax, TestClient.Valid(WireDialect.MiniMax));
        var body = await TestClient.ReadJsonAsync(response);

        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.NotEqual(0, body.GetProperty("base_resp").GetProperty("status_code").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Fault_applies_only_to_its_endpoint(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Status500, 1));

        var id = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        using var status = await client.Http.GetAsync(TestClient.StatusPath(WireDialect.ApiMart, id));

        Assert.Equal(HttpStatusCode.InternalServerError, status.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Connection_reset_fault_fails_the_request_without_creating_a_task(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.ConnectionReset, 1));

        await Assert.ThrowsAnyAsync<Exception>(() => client.SubmitAsync(WireDialect.MiniMax, TestClient.Valid(WireDialect.MiniMax)));
        using var next = await client.SubmitAsync(WireDialect.MiniMax, TestClient.Valid(WireDialect.MiniMax));

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Single(sim.Admin.Tasks);
        Assert.Equal(0, sim.Admin.Journal[0].Status);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Submit_then_fail_creates_and_charges_exactly_one_task_and_the_client_gets_no_answer(SimulatorKind kind)
    {
        var price = HailuoSpec.ApiMart.FindModel("MiniMax-Hailuo-02")!.PricePerSecond("768p")!.Value * 5;
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { StartingBalance = 10m });
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, 1));
        var request = new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = "cat", Resolution = "768p", Duration = 5 };

        await Assert.ThrowsAnyAsync<Exception>(() => client.SubmitAsync(WireDialect.ApiMart, request));

        var task = Assert.Single(sim.Admin.Tasks);
        Assert.Equal(price, task.Cost);
        Assert.Equal(10m - price, sim.Admin.Balance);
        var entry = Assert.Single(sim.Admin.Journal);
        Assert.Equal((0, FaultKind.SubmitThenFail), (entry.Status, entry.Fault));
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Stalled_request_gets_no_answer_until_the_client_gives_up(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Any, FaultKind.Stall, 1));

        var stalled = client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        await sim.Admin.WhenStalledAsync(SimulatorEndpoint.Submit).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(stalled.IsCompleted);
        var second = client.Http.GetAsync("/v1/tasks/unknown");
        using (var answered = await second.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(HttpStatusCode.NotFound, answered.StatusCode);
        }

        client.Http.CancelPendingRequests();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stalled.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(sim.Admin.Tasks);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task The_stall_count_rises_while_a_request_is_held_and_its_change_is_signalled_when_the_client_gives_up(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Stall, 1));
        Assert.Equal(0, sim.Admin.StalledRequests);

        var stalled = client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        await sim.Admin.WhenStalledAsync(SimulatorEndpoint.Submit).WaitAsync(TimeSpan.FromSeconds(10));
        var held = sim.Admin.StalledRequests;
        var next = sim.Admin.NextStallChange;
        Assert.False(next.IsCompleted);
        client.Http.CancelPendingRequests();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stalled.WaitAsync(TimeSpan.FromSeconds(10)));
        await next.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((1, 0), (held, sim.Admin.StalledRequests));
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Stalled_request_ends_when_the_simulator_stops(SimulatorKind kind)
    {
        var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Stall, 1));

        var stalled = client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        await sim.Admin.WhenStalledAsync(SimulatorEndpoint.Submit).WaitAsync(TimeSpan.FromSeconds(10));
        await sim.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAnyAsync<Exception>(() => stalled.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Rules_are_used_up_in_the_order_they_were_scripted(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Any, FaultKind.Status502, 1));
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Status500, 1));

        using var first = await client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        using var second = await client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));

        Assert.Equal((HttpStatusCode.BadGateway, HttpStatusCode.InternalServerError), (first.StatusCode, second.StatusCode));
    }
}
