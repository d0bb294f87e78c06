using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>One application, one receiver, one ledger, a runner per provider: each callback reaches its provider's job.</summary>
public sealed class TwoProviderReceiverTests
{
    [Fact]
    public async Task One_receiver_reconciles_lost_submits_of_both_providers()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var world = ReceiverWorld.Start(receiver);
        world.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, 2));
        var apiMart = world.StartProcess(o => o.CallbackBaseAddress = receiver.BaseAddress);
        var miniMax = world.StartProcess(o => o.CallbackBaseAddress = receiver.BaseAddress, miniMax: true);
        receiver.Runners = [apiMart.Runner, miniMax.Runner];
        var request = Requests.Clip("a clip on MiniMax");
        request.Model = HailuoSpec.MiniMax.Models[0].Id;
        request.Duration = 6;

        JobRecord[] jobs =
        [
            await world.Time.RunAsync(apiMart.Runner.RunAsync("on-apimart", Requests.Clip("a clip on APIMart"))),
            await world.Time.RunAsync(miniMax.Runner.RunAsync("on-minimax", request)),
        ];

        Assert.All(jobs, j => Assert.Equal((JobState.Stored, null), (j.State, j.Error)));
        Assert.Equal(["APIMart", "MiniMax"], jobs.Select(j => j.Provider));
        Assert.Equal(world.Simulator.Admin.Tasks.Select(t => t.Id).Order(), jobs.Select(j => j.TaskId!).Order());
        Assert.Equal(2, world.SubmitsReceived);
    }
}
