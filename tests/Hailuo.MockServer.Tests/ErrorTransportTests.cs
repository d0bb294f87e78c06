using System.Net;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

/// <summary>API errors travel as the spec says each real service sends them, with an option for the other form; Trace-Id on every MiniMax answer.</summary>
public sealed class ErrorTransportTests
{
    [Theory]
    [InlineData(ErrorTransport.Documented, WireDialect.MiniMax, HttpStatusCode.OK)]
    [InlineData(ErrorTransport.Documented, WireDialect.ApiMart, HttpStatusCode.Unauthorized)]
    [InlineData(ErrorTransport.HttpStatus, WireDialect.MiniMax, HttpStatusCode.Unauthorized)]
    [InlineData(ErrorTransport.InBody, WireDialect.ApiMart, HttpStatusCode.OK)]
    public async Task A_wrong_key_travels_in_the_chosen_transport_with_the_same_body(ErrorTransport transport, WireDialect dialect, HttpStatusCode expected)
    {
        await using var sim = await Simulators.StartAsync(SimulatorKind.Loopback, new SimulatorOptions { AcceptedKeys = { "sk-good" }, ErrorTransport = transport });
        using var client = TestClient.For(sim, "sk-wrong");

        using var response = await client.SubmitAsync(dialect, TestClient.Valid(dialect));
        var body = await TestClient.ReadJsonAsync(response);

        Assert.Equal(expected, response.StatusCode);
        if (dialect == WireDialect.MiniMax)
        {
            Assert.Equal(1004, body.GetProperty("base_resp").GetProperty("status_code").GetInt32());
        }
        else
        {
            Assert.Equal((401, "authentication_error"), (body.GetProperty("code").GetInt32(), body.GetProperty("error").GetProperty("type").GetString()));
        }
    }

    [Fact]
    public async Task Every_minimax_answer_carries_a_trace_id_that_is_the_journals_request_id()
    {
        await using var sim = await Simulators.StartAsync(SimulatorKind.Loopback, new SimulatorOptions { AcceptedKeys = { "sk-good" } });
        using var client = TestClient.For(sim, "sk-good");
        using var stranger = TestClient.For(sim, "sk-wrong");

        using var submitted = await client.SubmitAsync(WireDialect.MiniMax, TestClient.Valid(WireDialect.MiniMax));
        using var refused = await stranger.SubmitAsync(WireDialect.MiniMax, TestClient.Valid(WireDialect.MiniMax));
        using var apiMart = await client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));

        var journal = sim.Admin.Journal;
        Assert.Equal(journal[0].RequestId, Assert.Single(submitted.Headers.GetValues("Trace-Id")));
        Assert.Equal(journal[1].RequestId, Assert.Single(refused.Headers.GetValues("Trace-Id")));
        Assert.False(apiMart.Headers.Contains("Trace-Id"));
    }
}
