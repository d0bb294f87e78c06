using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

/// <summary>SimulatorOptions.ApiMartStatusWords picks one documented set of APIMart status words for submit, status and callbacks.</summary>
public sealed class ApiMartStatusWordTests
{
    private static readonly SimulatorOptions Timing = new()
    {
        QueuedAfter = TimeSpan.FromSeconds(10),
        ProcessingAfter = TimeSpan.FromSeconds(30),
        CompletedAfter = TimeSpan.FromSeconds(90),
    };

    public static TheoryData<ApiMartStatusWords, string[]> Variants => new()
    {
        { ApiMartStatusWords.DesignCard, new[] { "submitted", "queued", "processing", "completed" } },
        { ApiMartStatusWords.StatusPage, new[] { "pending", "pending", "processing", "completed" } },
        { ApiMartStatusWords.Seed002, new[] { "submitted", "queued", "processing", "success" } },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Each_phase_is_written_in_the_chosen_words_and_the_submit_answer_uses_the_first(ApiMartStatusWords variant, string[] words)
    {
        await using var sim = HailuoSimulator.StartInMemory(With(variant));
        using var client = TestClient.For(sim);
        using var submitted = await client.SubmitAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        var answer = (await TestClient.ReadJsonAsync(submitted)).GetProperty("data")[0];
        var id = answer.GetProperty("task_id").GetString()!;
        var seen = new List<string>();

        foreach (var step in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60) })
        {
            sim.Clock.Advance(step);
            seen.Add(await client.StatusWordAsync(WireDialect.ApiMart, id));
        }

        Assert.Equal(words, seen);
        Assert.Equal(words[0], answer.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Every_word_sent_means_its_phase_in_the_spec(ApiMartStatusWords variant, string[] words)
    {
        await using var sim = HailuoSimulator.StartInMemory(With(variant));
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart, "A storm #sim-fail"));
        sim.Clock.Advance(TimeSpan.FromMinutes(2));

        var failed = await client.StatusWordAsync(WireDialect.ApiMart, id);

        var meanings = words.Append(failed).Select(w => HailuoSpec.ApiMartDialect.StatusMeaning(w)).ToArray();
        Assert.Equal("failed", failed);
        Assert.All(meanings[..2], m => Assert.Contains(m, new[] { "submitted", "queued" }));
        Assert.Equal(new[] { "processing", "completed", "failed" }, meanings[2..]);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Callbacks_carry_the_same_words_as_the_status_query(ApiMartStatusWords variant, string[] words)
    {
        var receiver = new CallbackReceiver();
        var options = With(variant);
        options.CallbackClient = receiver.CreateClient();
        await using var sim = HailuoSimulator.StartInMemory(options);
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(WireDialect.ApiMart);
        request.CallbackUrl = "https://receiver.example/hook";
        var id = await client.SubmitTaskAsync(WireDialect.ApiMart, request);

        sim.Clock.Advance(TimeSpan.FromMinutes(2));
        await sim.State.Callbacks.WhenFinished(id).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(words[1..], receiver.Notifications.Select(n => n.GetProperty("data").GetProperty("status").GetString()));
    }

    private static SimulatorOptions With(ApiMartStatusWords variant) => new()
    {
        QueuedAfter = Timing.QueuedAfter,
        ProcessingAfter = Timing.ProcessingAfter,
        CompletedAfter = Timing.CompletedAfter,
        ApiMartStatusWords = variant,
    };
}
