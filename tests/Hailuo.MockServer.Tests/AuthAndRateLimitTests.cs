using System.Net;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

public sealed class AuthAndRateLimitTests
{
    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task Missing_bearer_key_is_refused_as_authentication_in_the_dialects_transport_with_minimax_code_1004(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim, key: null);

        using var response = await client.SubmitAsync(dialect, TestClient.Valid(dialect));
        var body = await TestClient.ReadJsonAsync(response);

        Assert.Equal(TestClient.ErrorStatus(dialect, HttpStatusCode.Unauthorized), response.StatusCode);
        if (dialect == WireDialect.MiniMax)
        {
            Assert.Equal(1004, body.GetProperty("base_resp").GetProperty("status_code").GetInt32());
        }
        else
        {
            Assert.Equal("authentication_error", body.GetProperty("error").GetProperty("type").GetString());
        }

        Assert.Empty(sim.Admin.Tasks);
    }

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task Unknown_key_is_refused_without_echoing_it_and_an_accepted_key_passes(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { AcceptedKeys = { "sk-good" } });
        using var stranger = TestClient.For(sim, "sk-wrong-secret");
        using var member = TestClient.For(sim, "sk-good");

        using var rejected = await stranger.SubmitAsync(dialect, TestClient.Valid(dialect));
        var rejectedText = await rejected.Content.ReadAsStringAsync();
        using var accepted = await member.SubmitAsync(dialect, TestClient.Valid(dialect));

        Assert.Equal(TestClient.ErrorStatus(dialect, HttpStatusCode.Unauthorized), rejected.StatusCode);
        Assert.DoesNotContain("sk-wrong-secret", rejectedText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task Requests_over_the_per_minute_limit_are_refused_with_retry_after_until_the_window_passes(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { RequestsPerMinute = 2 });
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(dialect, TestClient.Valid(dialect));
        sim.Clock.Advance(TimeSpan.FromSeconds(15));
        await client.StatusAsync(dialect, id);

        using var limited = await client.Http.GetAsync(TestClient.StatusPath(dialect, id));
        var body = await TestClient.ReadJsonAsync(limited);
        sim.Clock.Advance(TimeSpan.FromSeconds(44));
        using var stillLimited = await client.Http.GetAsync(TestClient.StatusPath(dialect, id));
        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        using var allowed = await client.Http.GetAsync(TestClient.StatusPath(dialect, id));

        Assert.Equal(TestClient.ErrorStatus(dialect, HttpStatusCode.TooManyRequests), limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(45), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(TimeSpan.FromSeconds(1), stillLimited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        if (dialect == WireDialect.MiniMax)
        {
            Assert.Equal(1002, body.GetProperty("base_resp").GetProperty("status_code").GetInt32());
        }
        else
        {
            Assert.Equal("rate_limit_error", body.GetProperty("error").GetProperty("type").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Rate_limit_counts_each_key_separately(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { RequestsPerMinute = 1 });
        using var first = TestClient.For(sim, "key-one");
        using var second = TestClient.For(sim, "key-two");

        using var a = await first.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        using var b = await first.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        using var c = await second.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK }, new[] { a.StatusCode, b.StatusCode, c.StatusCode });
        Assert.Equal(2, sim.Admin.Tasks.Count);
    }
}
