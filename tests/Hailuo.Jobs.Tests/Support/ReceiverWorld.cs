namespace Hailuo.Jobs.Tests.Support;

/// <summary>A job world whose simulator posts its callbacks to an in-memory receiver on the same virtual clock.</summary>
internal static class ReceiverWorld
{
    public static JobWorld Start(CallbackReceiver receiver, Action<SimulatorOptions>? configure = null)
    {
        VirtualClockDriver? time = null;
        var world = JobWorld.Start(o =>
        {
            o.CallbackClient = new HttpClient(new DeferredHandler(() => time!.CreateHandler(receiver.CreateHandler())));
            configure?.Invoke(o);
        });
        time = world.Time;
        world.Time.MaxStep = TimeSpan.FromSeconds(1);
        return world;
    }

    public static JobProcess Process(JobWorld world, CallbackReceiver receiver, Action<HailuoJobOptions>? configure = null, bool miniMax = false)
    {
        var process = world.StartProcess(
            o =>
            {
                o.CallbackBaseAddress = receiver.BaseAddress;
                configure?.Invoke(o);
            },
            miniMax: miniMax);
        receiver.Runner = process.Runner;
        return process;
    }

    /// <summary>A job whose submit was reset before the provider handled it: no task, no callback, outcome unknown.</summary>
    public static async Task<(JobProcess Process, JobRecord Job)> UnknownJobAsync(JobWorld world, CallbackReceiver receiver, string key)
    {
        world.Simulator.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.ConnectionReset, 1));
        var process = Process(world, receiver);
        var job = await world.Time.RunAsync(process.Runner.RunAsync(key, Requests.Clip("unknown " + key)));
        Assert.Equal(JobState.OutcomeUnknown, job.State);
        return (process, job);
    }
}
