namespace Hailuo.MockServer.Tests.Support;

/// <summary>How a test hosts the simulator: WireMock.Net on a loopback socket (it has no in-memory host).</summary>
public enum SimulatorKind
{
    /// <summary>WireMock.Net on a real loopback socket.</summary>
    Loopback,
}

/// <summary>Starts a simulator of either kind.</summary>
public static class Simulators
{
    public static TheoryData<SimulatorKind> Kinds => new() { SimulatorKind.Loopback };

    public static async Task<HailuoSimulator> StartAsync(SimulatorKind kind, SimulatorOptions? options = null) =>
        kind == SimulatorKind.Loopback ? await HailuoSimulator.StartAsync(options) : throw new ArgumentOutOfRangeException(nameof(kind));
}
