using System.Net;
using System.Text.Json;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hailuo.MockServer.Tests;

public sealed class CallbackTests
{
    private const string Hook = "https://receiver.example/hook";

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task Receiver_gets_the_challenge_first_then_one_notification_per_phase_in_order(SimulatorKind kind, WireDialect dialect)
    {
        var receiver = new CallbackReceiver();
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { CallbackClient = receiver.CreateClient() });
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(dialect);
        request.CallbackUrl = Hook;
        var id = await client.SubmitTaskAsync(dialect, request);

        Assert.Single(receiver.Received);
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        await sim.State.Callbacks.WhenFinished(id).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(receiver.Received[0].TryGetProperty("challenge", out _));
        var words = receiver.Notifications.Select(n => Status(dialect, n)).ToArray();
        Assert.Equal(Cases.Words(dialect)[1..4], words);
        Assert.All(receiver.Notifications, n => Assert.Equal(id, dialect == WireDialect.ApiMart ? n.GetProperty("data").GetProperty("id").GetString() : n.GetProperty("task_id").GetString()));
        Assert.Equal(CallbackState.Verified, Assert.Single(sim.Admin.Tasks).Callback);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Notification_waits_for_the_clock_to_reach_each_phase(SimulatorKind kind)
    {
        var receiver = new CallbackReceiver();
        var timing = new SimulatorOptions { CallbackClient = receiver.CreateClient(), QueuedAfter = TimeSpan.FromSeconds(10), ProcessingAfter = TimeSpan.FromSeconds(20), CompletedAfter = TimeSpan.FromSeconds(60) };
        await using var sim = await Simulators.StartAsync(kind, timing);
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(WireDialect.ApiMart);
        request.CallbackUrl = Hook;
        await client.SubmitTaskAsync(WireDialect.ApiMart, request);

        sim.Clock.Advance(TimeSpan.FromSeconds(10));
        await receiver.WhenReceived(2);
        var afterQueued = receiver.Notifications.Count;

        Assert.Equal(1, afterQueued);
        Assert.Equal("queued", Status(WireDialect.ApiMart, receiver.Notifications[0]));
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Receiver_that_answers_a_wrong_echo_is_rejected_and_gets_no_notifications(SimulatorKind kind)
    {
        var receiver = new CallbackReceiver { AnswerChallenge = (_, _) => Task.FromResult(CallbackReceiver.Json(new { challenge = "something else" })) };
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { CallbackClient = receiver.CreateClient() });
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(WireDialect.MiniMax);
        request.CallbackUrl = Hook;
        var id = await client.SubmitTaskAsync(WireDialect.MiniMax, request);

        Assert.Equal(CallbackState.Rejected, Assert.Single(sim.Admin.Tasks).Callback);
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        await sim.State.Callbacks.WhenFinished(id).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(receiver.Received);
        Assert.Equal(CallbackState.Rejected, Assert.Single(sim.Admin.Tasks).Callback);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Receiver_that_echoes_after_the_callback_timeout_is_rejected(SimulatorKind kind)
    {
        var echoNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var receiver = new CallbackReceiver
        {
            AnswerChallenge = async (challenge, cancel) =>
            {
                await echoNow.Task.WaitAsync(cancel);
                return CallbackReceiver.Json(new { challenge });
            },
        };
        var options = new SimulatorOptions { CallbackClient = receiver.CreateClient() };
        await using var sim = await Simulators.StartAsync(kind, options);
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(WireDialect.ApiMart);
        request.CallbackUrl = Hook;

        // The handshake runs inside the submit, so the submit answers only once the timeout has passed on the clock.
        var submit = client.SubmitTaskAsync(WireDialect.ApiMart, request);
        await receiver.WhenReceived(1);
        Assert.False(submit.IsCompleted);
        sim.Clock.Advance(options.CallbackTimeout);
        var id = await submit.WaitAsync(TimeSpan.FromSeconds(10));
        echoNow.SetResult();
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        await sim.State.Callbacks.WhenFinished(id).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallbackState.Rejected, Assert.Single(sim.Admin.Tasks).Callback);
        Assert.Empty(receiver.Notifications);
    }

    [Fact]
    public async Task Real_loopback_receiver_is_verified_and_notified_through_the_default_client()
    {
        var received = new List<JsonElement>();
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRouting();
        await using var receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            lock (received)
            {
                received.Add(body);
            }

            if (body.TryGetProperty("data", out var data) && data.GetProperty("status").GetString() == "completed")
            {
                completed.TrySetResult();
            }

            return body.TryGetProperty("challenge", out var challenge) ? Results.Json(new { challenge = challenge.GetString() }) : Results.Ok();
        });
        await receiver.StartAsync();
        var hook = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(WireDialect.ApiMart);
        request.CallbackUrl = hook;
        var id = await client.SubmitTaskAsync(WireDialect.ApiMart, request);

        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        await completed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4, received.Count);
        Assert.Equal(CallbackState.Verified, Assert.Single(sim.Admin.Tasks, t => t.Id == id).Callback);
        Assert.StartsWith(sim.BaseAddress + "files/", received[^1].GetProperty("data").GetProperty("result").GetProperty("videos")[0].GetProperty("url")[0].GetString(), StringComparison.Ordinal);
    }

    private static string Status(WireDialect dialect, JsonElement body) =>
        (dialect == WireDialect.ApiMart ? body.GetProperty("data") : body).GetProperty("status").GetString()!;
}
