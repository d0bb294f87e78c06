using System.Net;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

public sealed class OutcomeTests
{
    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task Content_policy_marker_fails_the_task_when_it_would_finish(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(dialect, TestClient.Valid(dialect, "A protest #sim-content-policy"));

        sim.Clock.Advance(new SimulatorOptions().ProcessingAfter);
        var before = await client.StatusWordAsync(dialect, id);
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        var status = await client.StatusAsync(dialect, id);

        Assert.Equal(Cases.Words(dialect)[2], before);
        if (dialect == WireDialect.ApiMart)
        {
            var data = status.GetProperty("data");
            Assert.Equal("failed", data.GetProperty("status").GetString());
            Assert.Equal("content_policy_violation", data.GetProperty("error").GetProperty("code").GetString());
            Assert.Contains("sensitive", data.GetProperty("error_message").GetString(), StringComparison.Ordinal);
            Assert.False(data.TryGetProperty("result", out _));
        }
        else
        {
            Assert.Equal("Fail", status.GetProperty("status").GetString());
            Assert.Equal(1026, status.GetProperty("base_resp").GetProperty("status_code").GetInt32());
            Assert.False(status.TryGetProperty("file_id", out _));
        }

        Assert.Equal(TaskOutcome.ContentPolicy, Assert.Single(sim.Admin.Tasks).Outcome);
    }

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task Fail_marker_fails_the_task_with_a_generic_error(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(dialect, TestClient.Valid(dialect, "A cat #sim-fail"));

        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        var status = await client.StatusAsync(dialect, id);

        if (dialect == WireDialect.ApiMart)
        {
            Assert.Equal("generation_failed", status.GetProperty("data").GetProperty("error").GetProperty("code").GetString());
        }
        else
        {
            // base_resp 0: the query itself succeeded; MiniMax's own clients reach their "task failed" branch only so.
            Assert.Equal(("Fail", 0), (status.GetProperty("status").GetString(), status.GetProperty("base_resp").GetProperty("status_code").GetInt32()));
        }
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Apimart_submit_beyond_the_balance_gets_402_and_creates_nothing(SimulatorKind kind)
    {
        var model = HailuoSpec.ApiMart.FindModel("MiniMax-Hailuo-02")!;
        var clip = model.PricePerSecond("1080p")!.Value * 5;
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { StartingBalance = clip });
        using var client = TestClient.For(sim);
        var request = new VideoGenerationRequest { Model = model.Id, Prompt = "city at night", Resolution = "1080p", Duration = 5 };

        await client.SubmitTaskAsync(WireDialect.ApiMart, request);
        using var refused = await client.SubmitAsync(WireDialect.ApiMart, request);
        var body = await TestClient.ReadJsonAsync(refused);

        Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
        Assert.Equal(402, body.GetProperty("code").GetInt32());
        Assert.Equal("insufficient_balance", body.GetProperty("error").GetProperty("type").GetString());
        Assert.Single(sim.Admin.Tasks);
        Assert.Equal(0m, sim.Admin.Balance);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Minimax_submit_with_an_empty_balance_gets_base_resp_1008_on_http_200(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { StartingBalance = 0m });
        using var client = TestClient.For(sim);

        using var refused = await client.SubmitAsync(WireDialect.MiniMax, TestClient.Valid(WireDialect.MiniMax));
        var body = await TestClient.ReadJsonAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(1008, body.GetProperty("base_resp").GetProperty("status_code").GetInt32());
        Assert.False(body.TryGetProperty("task_id", out _));
        Assert.Empty(sim.Admin.Tasks);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Unpriced_task_is_charged_nothing_and_reset_restores_the_starting_balance(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { StartingBalance = 1m });
        using var client = TestClient.For(sim);
        var priced = new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = "cat", Resolution = "768p", Duration = 10 };

        await client.SubmitTaskAsync(WireDialect.MiniMax, new VideoGenerationRequest { Model = "T2V-01", Prompt = "cat" });
        var afterUnpriced = sim.Admin.Balance;
        await client.SubmitTaskAsync(WireDialect.ApiMart, priced);
        var afterPriced = sim.Admin.Balance;
        sim.Admin.Reset();

        Assert.Equal(1m, afterUnpriced);
        Assert.Equal(1m - (HailuoSpec.ApiMart.FindModel("MiniMax-Hailuo-02")!.PricePerSecond("768p")!.Value * 10), afterPriced);
        Assert.Equal(1m, sim.Admin.Balance);
        Assert.Empty(sim.Admin.Tasks);
    }
}
