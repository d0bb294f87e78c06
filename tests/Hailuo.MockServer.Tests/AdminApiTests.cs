using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hailuo.Contracts;
using Hailuo.MockServer.Server;
using Hailuo.MockServer.Simulation;
using Hailuo.MockServer.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using WireMock.Server;

namespace Hailuo.MockServer.Tests;

/// <summary>The admin API over HTTP under /__admin/hailuo/, usable from any language.</summary>
public sealed class AdminApiTests
{
    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Advance_over_http_moves_the_clock_and_the_tasks(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));

        using var advanced = await client.Http.PostAsync("/__admin/hailuo/advance?by=90s", null);
        var tasks = await TestClient.ReadJsonAsync(await client.Http.GetAsync("/__admin/hailuo/tasks"));

        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        Assert.Equal(HailuoSimulator.ClockStart.AddSeconds(90), sim.Clock.GetUtcNow());
        Assert.Equal("completed", await client.StatusWordAsync(WireDialect.ApiMart, id));
        Assert.Equal(id, tasks[0].GetProperty("id").GetString());
        Assert.Equal("Completed", tasks[0].GetProperty("phase").GetString());
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Advance_accepts_time_span_and_unit_forms_and_rejects_nonsense(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);

        foreach (var by in new[] { "00:01:00", "1m", "60", "1h", "1d" })
        {
            using var ok = await client.Http.PostAsync("/__admin/hailuo/advance?by=" + by, null);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var bad = await client.Http.PostAsync("/__admin/hailuo/advance?by=soon", null);
        using var negative = await client.Http.PostAsync("/__admin/hailuo/advance?by=-5s", null);

        Assert.Equal(HailuoSimulator.ClockStart + TimeSpan.FromMinutes(3) + TimeSpan.FromHours(1) + TimeSpan.FromDays(1), sim.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Fault_scripted_over_http_applies_to_the_next_request(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        using var rule = new StringContent("{\"endpoint\":\"Submit\",\"kind\":\"Status503\",\"count\":1}", Encoding.UTF8, "application/json");

        using var scripted = await client.Http.PostAsync("/__admin/hailuo/faults", rule);
        var pending = await TestClient.ReadJsonAsync(await client.Http.GetAsync("/__admin/hailuo/faults"));
        using var failed = await client.SubmitAsync(WireDialect.MiniMax, TestClient.Valid(WireDialect.MiniMax));

        Assert.Equal(HttpStatusCode.OK, scripted.StatusCode);
        Assert.Equal("Status503", pending[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Empty(sim.Admin.PendingFaults);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Bad_fault_rule_over_http_gets_400_listing_what_is_allowed(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);

        using var unknownKind = await client.Http.PostAsync("/__admin/hailuo/faults", JsonContent.Create(new { endpoint = "Submit", kind = "Explode", count = 1 }));
        using var zeroCount = await client.Http.PostAsync("/__admin/hailuo/faults", JsonContent.Create(new { endpoint = "Submit", kind = "Status500", count = 0 }));

        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zeroCount.StatusCode);
        Assert.Contains("SubmitThenFail", await zeroCount.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(sim.Admin.PendingFaults);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Journal_over_http_lists_requests_with_status_and_without_the_key(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        await client.StatusAsync(WireDialect.ApiMart, id);

        using var response = await client.Http.GetAsync("/__admin/hailuo/journal");
        var text = await response.Content.ReadAsStringAsync();
        var journal = await TestClient.ReadJsonAsync(response);

        Assert.Equal(2, journal.GetArrayLength());
        Assert.Equal(("POST", "/v1/videos/generations", 200), (journal[0].GetProperty("method").GetString(), journal[0].GetProperty("path").GetString(), journal[0].GetProperty("status").GetInt32()));
        Assert.Equal("/v1/tasks/" + id, journal[1].GetProperty("path").GetString());
        Assert.Equal("Status", journal[1].GetProperty("endpoint").GetString());
        Assert.DoesNotContain(TestClient.DefaultKey, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Reset_over_http_forgets_tasks_journal_and_faults_but_keeps_the_clock(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Download, FaultKind.Status500, 1));
        sim.Clock.Advance(TimeSpan.FromHours(1));

        using var reset = await client.Http.PostAsync("/__admin/hailuo/reset", null);
        var clock = await TestClient.ReadJsonAsync(await client.Http.GetAsync("/__admin/hailuo/clock"));

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(sim.Admin.Tasks);
        Assert.Empty(sim.Admin.Journal);
        Assert.Empty(sim.Admin.PendingFaults);
        Assert.True(clock.GetProperty("manual").GetBoolean());
        Assert.Equal(HailuoSimulator.ClockStart.AddHours(1), clock.GetProperty("now").GetDateTimeOffset());
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Admin_requests_are_not_journaled_rate_limited_or_faulted(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { RequestsPerMinute = 1 });
        using var client = TestClient.For(sim, key: null);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Any, FaultKind.Status500, 1));

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.Http.GetAsync("/__admin/hailuo/tasks");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var account = await TestClient.ReadJsonAsync(await client.Http.GetAsync("/__admin/hailuo/account"));

        Assert.Empty(sim.Admin.Journal);
        Assert.Single(sim.Admin.PendingFaults);
        Assert.False(account.TryGetProperty("balance", out _));
    }

    [Fact]
    public async Task Simulator_on_the_system_clock_refuses_to_advance_over_http_and_in_code()
    {
        using var server = WireMockServer.Start(HailuoServerSettings.Create(new SimulatorOptions()));
        await using var api = server.AddHailuoApi(new SimulatorOptions(), TimeProvider.System);
        using var client = new HttpClient { BaseAddress = new Uri(server.Url!) };

        using var response = await client.PostAsync("/__admin/hailuo/advance?by=1h", null);
        await using var state = new SimulatorState(new SimulatorOptions(), TimeProvider.System, NullLoggerFactory.Instance);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Throws<InvalidOperationException>(() => new SimulatorAdmin(state).Advance(TimeSpan.FromHours(1)));
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Admin_advance_in_code_moves_the_simulators_clock(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);

        sim.Admin.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(HailuoSimulator.ClockStart.AddMinutes(3), sim.Clock.GetUtcNow());
    }
}
