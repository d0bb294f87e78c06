namespace Hailuo.MockServer.Tests.Support;

/// <summary>The two ways a test can host the simulator; behaviour tests run on both.</summary>
public enum SimulatorKind
{
    /// <summary>Kestrel on a real loopback socket.</summary>
    Loopback,

    /// <summary>TestServer, no socket.</summary>
    InMemory,
}

/// <summary>Starts a simulator of either kind.</summary>
public static class Simulators
{
    public static TheoryData<SimulatorKind> Kinds => new() { SimulatorKind.Loopback, SimulatorKind.InMemory };

    public static async Task<HailuoSimulator> StartAsync(SimulatorKind kind, SimulatorOptions? options = null) =>
        kind == SimulatorKind.Loopback ? await HailuoSimulator.StartAsync(options) : HailuoSimulator.StartInMemory(options);
}
