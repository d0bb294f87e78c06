using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hailuo.Contracts;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Hailuo.MockServer.Server;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit;

namespace Hailuo.WireMock.Tests.Host;

/// <summary>The simulator is a WireMock.Net server: users' stubs and scenarios answer first, its admin API and request log work.</summary>
public sealed class WireMockHostTests
{
    [Fact]
    public async Task A_users_stub_at_higher_priority_answers_first_and_the_lifecycle_continues_afterwards()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var http = Client(sim.BaseAddress);
        var id = await SubmitAsync(http);

        // One 500 on this task's poll, written with WireMock.Net's own API: once the scenario moves on, the engine answers.
        sim.Server.Given(Request.Create().WithPath("/v1/tasks/" + id).UsingGet())
            .AtPriority(1)
            .InScenario("one 500")
            .WillSetStateTo("passed")
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("user stub"));
        using var stubbed = await http.GetAsync("v1/tasks/" + id);
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = JsonNode.Parse(await http.GetStringAsync("v1/tasks/" + id))!;

        Assert.Equal(HttpStatusCode.InternalServerError, stubbed.StatusCode);
        Assert.Equal("user stub", await stubbed.Content.ReadAsStringAsync());
        Assert.Equal("completed", (string?)after["data"]!["status"]);
        Assert.Equal(new[] { SimulatorEndpoint.Submit, SimulatorEndpoint.Status }, sim.Admin.Journal.Select(j => j.Endpoint!.Value));
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, "/v1/tasks/")]
    [InlineData(WireDialect.MiniMax, "/v1/query/video_generation")]
    public async Task A_scenario_429_once_then_pass_written_with_WireMock_Net_is_honoured_by_the_client(WireDialect dialect, string statusPath)
    {
        await using var world = await SimWorld.StartAsync(dialect, client: c => c.PollingInterval = TimeSpan.FromSeconds(15));
        var path = statusPath.EndsWith('/') ? new global::WireMock.Matchers.RegexMatcher("^" + statusPath + "[^/]+$") : (global::WireMock.Matchers.IStringMatcher)new global::WireMock.Matchers.ExactMatcher(statusPath);
        world.Simulator.Server.Given(Request.Create().WithPath(path).UsingGet())
            .AtPriority(1)
            .InScenario("429 once")
            .WillSetStateTo("passed")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30").WithBodyAsJson(new { code = 429 }));

        var done = await world.SubmitAndWait(Samples.Quick(dialect));

        var polls = world.Wire.To(statusPath);
        var start = world.Wire.Requests[0].At;
        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal((15, 429), ((int)(polls[0].At - start).TotalSeconds, polls[0].Status));
        Assert.Equal((45, 200), ((int)(polls[1].At - start).TotalSeconds, polls[1].Status));
    }

    [Fact]
    public async Task AddHailuoApi_serves_the_lifecycle_on_a_server_the_test_created_itself()
    {
        using var server = WireMockServer.Start(HailuoServerSettings.Create(new SimulatorOptions()));
        server.Given(Request.Create().WithPath("/health").UsingGet()).RespondWith(Response.Create().WithStatusCode(204));
        var clock = new FakeTimeProvider(HailuoSimulator.ClockStart);
        await using var api = server.AddHailuoApi(new SimulatorOptions(), clock);
        using var http = Client(new Uri(server.Url!));

        var id = await SubmitAsync(http);
        clock.Advance(TimeSpan.FromMinutes(1));
        var status = JsonNode.Parse(await http.GetStringAsync("v1/tasks/" + id))!;
        using var health = await http.GetAsync("health");

        Assert.Equal("completed", (string?)status["data"]!["status"]);
        Assert.Equal(HttpStatusCode.NoContent, health.StatusCode);
        Assert.Single(api.Admin.Tasks);
    }

    [Fact]
    public async Task WireMocks_admin_api_lists_one_Hailuo_mapping_that_names_every_endpoint()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };

        var mappings = JsonNode.Parse(await http.GetStringAsync("__admin/mappings"))!.AsArray();

        // WireMock.Net matches and sorts every mapping for every request, so the engine, its admin API and its 405s are one.
        var ours = Assert.Single(mappings, m => sim.Api.MappingIds.Contains(Guid.Parse((string)m!["Guid"]!)));
        Assert.Single(sim.Api.MappingIds);
        Assert.Equal(HailuoApi.EnginePriority, (int)ours!["Priority"]!);
        var title = (string)ours["Title"]!;
        foreach (var line in HailuoSpec.Dialects.SelectMany(d => new[] { d.Submit, d.Status, d.FileRetrieve }).OfType<string>())
        {
            var (method, path) = (line[..line.IndexOf(' ', StringComparison.Ordinal)], line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split('?')[0]);
            Assert.Contains(method + " " + path, title, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_request_log_stays_capped_after_20000_requests_and_counts_what_it_dropped()
    {
        const int requests = 20_000;
        await using var sim = await HailuoSimulator.StartAsync(new SimulatorOptions { RequestLogCapacity = 100, JournalCapacity = 100 });
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };

        // One caller: WireMock.Net trims its log by index without a lock, so concurrent callers would blur the exact count.
        for (var i = 0; i < requests; i++)
        {
            using var answer = await http.GetAsync("v1/tasks/x");
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        }

        var dropped = sim.Admin.DroppedLogEntries;
        var log = JsonNode.Parse(await http.GetStringAsync("__admin/hailuo/log"))!;

        Assert.Equal(100, sim.Server.LogEntries.Count);
        Assert.Equal(100, sim.Admin.Journal.Count);
        Assert.Equal(requests - 100, dropped);
        Assert.Equal(requests - 100, (long)log["dropped"]!);
    }

    private static HttpClient Client(Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-host-test");
        return http;
    }

    private static async Task<string> SubmitAsync(HttpClient http)
    {
        using var submitted = await http.PostAsJsonAsync("v1/videos/generations", new { model = "MiniMax-Hailuo-02", prompt = "A cat on the grass" });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return (string)JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["data"]![0]!["task_id"]!;
    }
}
