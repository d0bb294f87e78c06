using System.Net;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Hailuo.MockServer.Tests;

/// <summary>ResetAsync: the same server back in its start state, so tests can share one instead of starting their own.</summary>
public sealed class ResetTests
{
    [Fact]
    public async Task Reset_forgets_tasks_faults_journal_stubs_scenarios_log_and_limits_and_puts_the_clock_back()
    {
        await using var sim = await HailuoSimulator.StartAsync(new SimulatorOptions { RequestsPerMinute = 2, StartingBalance = 10m });
        using (var client = TestClient.For(sim))
        {
            await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
            await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
            sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Status500, 1));
            sim.Server.Given(Request.Create().WithPath("/v1/tasks/*").UsingGet()).AtPriority(1).RespondWith(Response.Create().WithStatusCode(418));
            sim.Server.Given(Request.Create().WithPath("/step").UsingGet()).InScenario("steps").WillSetStateTo("second").RespondWith(Response.Create().WithStatusCode(200));
            using var step = await client.Http.GetAsync("/step");
            sim.Clock.Advance(TimeSpan.FromHours(1));
        }

        var oldClock = sim.Clock;
        await sim.ResetAsync();

        using var after = TestClient.For(sim);
        Assert.NotSame(oldClock, sim.Clock);
        Assert.Equal(HailuoSimulator.ClockStart, sim.Clock.GetUtcNow());
        Assert.Empty(sim.Admin.Tasks);
        Assert.Empty(sim.Admin.PendingFaults);
        Assert.Empty(sim.Admin.Journal);
        Assert.Empty(sim.Server.LogEntries);
        Assert.Empty(sim.Server.Scenarios);
        Assert.Equal(10m, sim.Admin.Balance);
        Assert.DoesNotContain(sim.Server.Mappings, m => m.Priority == 1 || m.Scenario is not null);

        // Two requests a minute were used before the reset: a fresh window lets this submit and poll through, and no stub answers 418.
        var id = await after.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        Assert.Equal("submitted", await after.StatusWordAsync(WireDialect.ApiMart, id));
        Assert.Single(sim.Admin.Tasks);
    }

    [Fact]
    public async Task Reset_with_options_serves_those_and_a_plain_reset_returns_to_the_start_options()
    {
        await using var sim = await HailuoSimulator.StartAsync();

        await sim.ResetAsync(new SimulatorOptions { AcceptedKeys = { "sk-only-this-one" } });
        using (var client = TestClient.For(sim))
        {
            using var refused = await client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await sim.ResetAsync();
        using var again = TestClient.For(sim);
        using var accepted = await again.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Reset_refuses_another_request_log_size_and_names_it()
    {
        await using var sim = await HailuoSimulator.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sim.ResetAsync(new SimulatorOptions { RequestLogCapacity = 5 }));

        Assert.Contains("RequestLogCapacity 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("1000", error.Message, StringComparison.Ordinal);
    }
}
