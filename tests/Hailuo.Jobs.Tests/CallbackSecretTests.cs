using System.Net;
using System.Net.Http.Json;
using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>The receiver trusts no stranger: a job's URL carries its secret, and anything else is an unknown job.</summary>
public sealed class CallbackSecretTests
{
    [Fact]
    public async Task A_job_key_with_a_wrong_or_missing_secret_gets_the_unknown_jobs_404_and_changes_nothing()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var world = ReceiverWorld.Start(receiver);
        var (process, waiting) = await ReceiverWorld.UnknownJobAsync(world, receiver, "victim");
        var other = await world.Time.RunAsync(process.Runner.RunAsync("other", Requests.Clip("another clip")));
        using var http = new HttpClient(receiver.CreateHandler()) { BaseAddress = receiver.BaseAddress };
        var forged = new { code = 200, data = new { id = "task_01STRANGER0000000000000000", status = "completed" } };
        var victimSegment = CallbackPath.SegmentOf("victim");

        var unknown = await PostAsync(http, CallbackPath.UrlFor(receiver.BaseAddress, "nobody", CallbackPath.NewSecret()), forged);
        var answers = new[]
        {
            await PostAsync(http, CallbackPath.UrlFor(receiver.BaseAddress, "victim", CallbackPath.NewSecret()), forged),
            await PostAsync(http, new Uri(receiver.BaseAddress, CallbackPath.Prefix + victimSegment), forged),
            await PostAsync(http, new Uri(receiver.BaseAddress, CallbackPath.Prefix + victimSegment + "/"), forged),
            await PostAsync(http, new Uri(other.CallbackUrl!.Replace(CallbackPath.SegmentOf("other"), victimSegment, StringComparison.Ordinal)), forged),
            await PostAsync(http, new Uri(waiting.CallbackUrl![..^1] + (waiting.CallbackUrl[^1] == 'A' ? 'B' : 'A')), forged),
        };

        Assert.Equal((HttpStatusCode.NotFound, string.Empty), unknown);
        Assert.All(answers, a => Assert.Equal(unknown, a));
        Assert.Equal(waiting, await process.Ledger.FindAsync("victim"));
    }

    [Fact]
    public async Task A_path_like_task_id_is_refused_even_with_the_right_secret_and_the_genuine_callback_still_reconciles()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var world = ReceiverWorld.Start(receiver);
        var (process, waiting) = await ReceiverWorld.UnknownJobAsync(world, receiver, "clip-1");
        using var http = new HttpClient(receiver.CreateHandler()) { BaseAddress = receiver.BaseAddress };

        var (status, _) = await PostAsync(http, new Uri(waiting.CallbackUrl!), new { code = 200, data = new { id = "../../__admin/hailuo/reset?x=", status = "completed" } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(waiting, await process.Ledger.FindAsync("clip-1"));
        Assert.False(await process.Runner.AdoptTaskAsync("clip-1", "task_../../x"));

        // The provider's own callback, on the job's own URL, still hands the job its task.
        var genuine = await world.Time.RunAsync(process.Runner.RunAsync("genuine", Requests.Clip("the genuine clip")));
        var (adopted, _) = await PostAsync(http, new Uri(waiting.CallbackUrl!), new { code = 200, data = new { id = genuine.TaskId, status = "completed" } });
        Assert.Equal(HttpStatusCode.OK, adopted);
        Assert.Equal((JobState.Submitted, genuine.TaskId), await process.Ledger.FindAsync("clip-1") is { } j ? (j.State, j.TaskId) : default);
    }

    [Fact]
    public async Task Each_job_gets_its_own_unguessable_secret_kept_in_the_ledger()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var world = ReceiverWorld.Start(receiver);
        var process = ReceiverWorld.Process(world, receiver);

        var first = await world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip()));
        var second = await world.Time.RunAsync(process.Runner.RunAsync("clip-2", Requests.Clip("a dog")));

        var secrets = new[] { first, second }.Select(j => new Uri(j.CallbackUrl!).Segments[^1]).ToList();
        Assert.All(secrets, s => Assert.True(s.Length >= 43, "256 bits in base64url"));
        Assert.NotEqual(secrets[0], secrets[1]);
        Assert.Contains("\"" + first.CallbackUrl + "\"", first.Request, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, Uri url, object body)
    {
        using var answer = await http.PostAsJsonAsync(url, body);
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }
}
