using System.Net.Http.Headers;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;
using Hailuo.Testing;

namespace Hailuo.MockServer.Tests;

public sealed class JournalTests
{
    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Journal_blanks_the_key_wherever_it_appears_and_shortens_data_urls(SimulatorKind kind)
    {
        const string secret = "sk-live-very-secret-key";
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim, secret);
        var request = TestClient.Valid(WireDialect.ApiMart, "A note that says " + secret);
        request.FirstFrameImage = TestImages.DataUrl(TestImages.Png(640, 360), "image/png");

        await client.SubmitTaskAsync(WireDialect.ApiMart, request);
        await client.Http.GetAsync("/v1/tasks/x?key=" + secret);

        var entries = sim.Admin.Journal;
        Assert.All(entries, e => Assert.DoesNotContain(secret, e.Body + e.Query, StringComparison.Ordinal));
        Assert.Contains("A note that says ***", entries[0].Body, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,...(", entries[0].Body, StringComparison.Ordinal);
        Assert.Equal("?key=***", entries[1].Query);
        Assert.Equal(HailuoSimulator.ClockStart, entries[0].Time);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Journal_records_gate_answers_and_keeps_only_the_newest_entries(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { JournalCapacity = 2 });
        using var client = TestClient.For(sim);
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        for (var i = 0; i < 3; i++)
        {
            await client.Http.GetAsync("/v1/tasks/t" + i);
        }

        Assert.Equal(new[] { ("/v1/tasks/t1", 401), ("/v1/tasks/t2", 401) }, sim.Admin.Journal.Select(e => (e.Path, e.Status)));
    }
}
