using System.Net;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

/// <summary>"The task was created, then the answer came too late": the task and its callbacks exist, the client learns nothing.</summary>
public sealed class LateAnswerFaultTests
{
    private const string Hook = "https://receiver.example/hook";

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task A_gateway_504_after_the_upstream_accepted_leaves_one_charged_task_whose_callbacks_are_sent(SimulatorKind kind, WireDialect dialect)
    {
        var receiver = new CallbackReceiver();
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { CallbackClient = receiver.CreateClient() });
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenGateway504, 1));
        var request = TestClient.Valid(dialect);
        request.CallbackUrl = Hook;

        using var answer = await client.SubmitAsync(dialect, request);

        Assert.Equal(HttpStatusCode.GatewayTimeout, answer.StatusCode);
        var task = Assert.Single(sim.Admin.Tasks);
        var entry = Assert.Single(sim.Admin.Journal);
        Assert.Equal((504, FaultKind.SubmitThenGateway504, task.Id), (entry.Status, entry.Fault, entry.TaskId));
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        await sim.State.Callbacks.WhenFinished(task.Id).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(CallbackState.Verified, Assert.Single(sim.Admin.Tasks).Callback);
        Assert.Equal(3, receiver.Notifications.Count);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task An_answer_held_until_the_client_gives_up_still_created_the_task_and_sends_its_callbacks(SimulatorKind kind)
    {
        var receiver = new CallbackReceiver();
        await using var sim = await Simulators.StartAsync(kind, new SimulatorOptions { CallbackClient = receiver.CreateClient() });
        using var client = TestClient.For(sim);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenAnswerLate, 1));
        var request = TestClient.Valid(WireDialect.ApiMart);
        request.CallbackUrl = Hook;

        var late = client.SubmitAsync(WireDialect.ApiMart, request);
        await sim.Admin.WhenStalledAsync(SimulatorEndpoint.Submit).WaitAsync(TimeSpan.FromSeconds(10));
        var task = Assert.Single(sim.Admin.Tasks);
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        await sim.State.Callbacks.WhenFinished(task.Id).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(late.IsCompleted);
        client.Http.CancelPendingRequests();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => late.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(3, receiver.Notifications.Count);
        var entry = await JournaledAsync(sim);
        Assert.Equal((0, FaultKind.SubmitThenAnswerLate, task.Id), (entry.Status, entry.Fault, entry.TaskId));
    }

    // Over a real socket the abandoned request is journaled on the server's side after the client has already moved on.
    private static async Task<JournalEntry> JournaledAsync(HailuoSimulator sim)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (sim.Admin.Journal.Count == 0)
        {
            bound.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }

        return Assert.Single(sim.Admin.Journal);
    }
}
