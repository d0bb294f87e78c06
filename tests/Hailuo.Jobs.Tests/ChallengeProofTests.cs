using System.Net.Http.Json;
using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>
/// The soak's double payment with the opt-in resubmit: the provider challenges the receiver during the submit, the echo
/// comes after its 3 s, so it sends no notification at all; the submit's answer is lost too. The task exists, yet no
/// callback ever says so: the challenge in the ledger is the proof that forbids the resubmit.
/// </summary>
public sealed class ChallengeProofTests
{
    [Fact]
    public async Task A_submit_whose_challenge_was_answered_too_late_is_never_resubmitted_and_is_listed_for_a_person()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        VirtualClockDriver? time = null;
        await using var world = JobWorld.Start(o => o.CallbackClient = new HttpClient(new EchoTooLate(new DeferredHandler(() => time!.CreateHandler(receiver.CreateHandler())))));
        time = world.Time;
        world.Time.MaxStep = TimeSpan.FromSeconds(1);
        world.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, 1));
        var process = ReceiverWorld.Process(world, receiver, o => o.ResubmitAfterLongestRender = true);

        var job = await world.Time.RunAsync(process.Runner.RunAsync("clip-1", Requests.Clip()));

        var task = Assert.Single(world.Simulator.Admin.Tasks);
        Assert.Equal(CallbackState.Rejected, task.Callback);
        Assert.Equal(1, world.SubmitsReceived);
        Assert.Equal(JobState.OutcomeUnknown, job.State);
        Assert.NotNull(job.ChallengedAt);
        Assert.Contains("hailuo jobs settle clip-1", job.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_challenge_of_an_unknown_or_wrong_secret_records_nothing()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var world = ReceiverWorld.Start(receiver);
        var process = ReceiverWorld.Process(world, receiver);
        var job = await process.Runner.Steps.RecordAsync("clip-1", Requests.Clip());
        var submitting = (await process.Ledger.TrySaveAsync(job with { State = JobState.Submitting }))!;
        using var http = new HttpClient(receiver.CreateHandler());

        using var stranger = await http.PostAsJsonAsync(CallbackPath.UrlFor(receiver.BaseAddress, "clip-1", CallbackPath.NewSecret()), new { challenge = "abc" });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(submitting.Version, (await process.Ledger.FindAsync("clip-1"))!.Version);

        using var genuine = await http.PostAsJsonAsync(job.CallbackUrl, new { challenge = "abc" });
        Assert.NotNull((await process.Ledger.FindAsync("clip-1"))!.ChallengedAt);
    }

    /// <summary>Hands the challenge to the receiver, then drops its echo as if it came after the provider's 3 s.</summary>
    private sealed class EchoTooLate(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            if (body.Contains("\"challenge\"", StringComparison.Ordinal))
            {
                response.Dispose();
                throw new TaskCanceledException("The echo came after the provider's callback timeout.");
            }

            return response;
        }
    }
}
