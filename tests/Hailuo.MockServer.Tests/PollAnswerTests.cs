using System.Text.Json;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;
using Hailuo.MockServer.Wire;

namespace Hailuo.MockServer.Tests;

/// <summary>A task's status answer is written once per state it shows and reused by the polls in between, byte for byte the same as a fresh one.</summary>
public sealed class PollAnswerTests
{
    private static readonly SimulatorOptions Timing = new()
    {
        QueuedAfter = TimeSpan.FromSeconds(10),
        ProcessingAfter = TimeSpan.FromSeconds(30),
        CompletedAfter = TimeSpan.FromSeconds(90),
    };

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task Polls_while_nothing_shown_changes_reuse_the_written_answer(WireDialect dialect)
    {
        await using var sim = await HailuoSimulator.StartAsync(Timing);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(dialect, TestClient.Valid(dialect));
        sim.Clock.Advance(TimeSpan.FromSeconds(91));

        var first = await PollTextAsync(client, dialect, id);
        var written = sim.State.Tasks.Find(id)!.LastStatus;
        sim.Clock.Advance(TimeSpan.FromMilliseconds(400));
        var second = await PollTextAsync(client, dialect, id);

        Assert.NotNull(written);
        Assert.Same(written, sim.State.Tasks.Find(id)!.LastStatus);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task Every_poll_answers_what_the_status_body_writes_afresh_at_that_moment(WireDialect dialect)
    {
        await using var sim = await HailuoSimulator.StartAsync(Timing);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(dialect, TestClient.Valid(dialect));

        // Each phase, a progress step, and completed tasks a second apart: their URLs are signed with a later expiry.
        foreach (var step in new[] { 0, 10, 25, 20, 35, 1, 1, 3600 })
        {
            sim.Clock.Advance(TimeSpan.FromSeconds(step));
            var answer = await PollTextAsync(client, dialect, id);
            var task = sim.State.Tasks.Find(id)!;
            var fresh = StatusBody.For(task, sim.Clock.GetUtcNow(), sim.BaseAddress.GetLeftPart(UriPartial.Authority), sim.State.Signer, sim.State.Options.ApiMartStatusWords);
            Assert.Equal(JsonSerializer.Serialize(fresh, fresh.GetType(), WireJson.Options), answer);
        }
    }

    private static async Task<string> PollTextAsync(TestClient client, WireDialect dialect, string id)
    {
        using var response = await client.Http.GetAsync(TestClient.StatusPath(dialect, id));
        return await response.Content.ReadAsStringAsync();
    }
}
