using System.Net;
using System.Text.RegularExpressions;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

/// <summary>Every answer carries an X-Request-Id, and the journal keeps it beside the request.</summary>
public sealed partial class RequestIdTests
{
    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Every_answer_carries_a_unique_request_id_that_the_journal_records(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        using var anonymous = TestClient.For(sim, key: null);
        var id = await client.SubmitTaskAsync(WireDialect.MiniMax, TestClient.Valid(WireDialect.MiniMax));
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        var url = await client.DownloadUrlAsync(WireDialect.MiniMax, id);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Status503, 1));

        var answers = new List<HttpResponseMessage>
        {
            await client.Http.GetAsync(TestClient.StatusPath(WireDialect.MiniMax, id)),
            await client.Http.GetAsync(url),
            await anonymous.Http.GetAsync("/v1/tasks/unknown"),
            await client.Http.GetAsync("/v1/tasks/unknown"),
        };
        using var admin = await client.Http.GetAsync("/__admin/hailuo/clock");
        var ids = answers.Select(a => Assert.Single(a.Headers.GetValues("X-Request-Id"))).ToArray();
        answers.ForEach(a => a.Dispose());

        Assert.Equal(new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound }, answers.Select(a => a.StatusCode));
        Assert.All(ids, i => Assert.Matches(Format(), i));
        Assert.Matches(Format(), Assert.Single(admin.Headers.GetValues("X-Request-Id")));
        var journal = sim.Admin.Journal;
        Assert.Equal(journal.Count, journal.Select(j => j.RequestId).Distinct().Count());
        Assert.Equal(ids, journal.TakeLast(4).Select(j => j.RequestId));
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task A_request_that_gets_no_answer_still_has_its_request_id_in_the_journal(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.ConnectionReset, 1));

        await Assert.ThrowsAnyAsync<Exception>(() => client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart)));

        // The reset reaches the client before the server writes the journal; a full answer afterwards gives it that moment.
        using var next = await client.Http.GetAsync("/v1/tasks/unknown");
        var entry = Assert.Single(sim.Admin.Journal, j => j.Fault == FaultKind.ConnectionReset);
        Assert.Equal(0, entry.Status);
        Assert.Matches(Format(), entry.RequestId);
        Assert.NotEqual(entry.RequestId, Assert.Single(next.Headers.GetValues("X-Request-Id")));
    }

    [Fact]
    public async Task The_same_requests_on_the_same_clock_get_the_same_request_ids_in_every_run()
    {
        var runs = new List<string?[]>();
        for (var run = 0; run < 2; run++)
        {
            await using var sim = HailuoSimulator.StartInMemory();
            using var client = TestClient.For(sim);
            await client.Http.GetAsync("/v1/tasks/a");
            sim.Clock.Advance(TimeSpan.FromSeconds(1));
            await client.Http.GetAsync("/v1/tasks/b");
            runs.Add(sim.Admin.Journal.Select(j => j.RequestId).ToArray());
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.NotEqual(runs[0][0], runs[0][1]);
    }

    [GeneratedRegex("^req_[0-9A-HJKMNP-TV-Z]{26}$")]
    private static partial Regex Format();
}
