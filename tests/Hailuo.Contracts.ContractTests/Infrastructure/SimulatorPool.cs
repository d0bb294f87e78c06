using System.Collections.Concurrent;
using Hailuo.MockServer;

namespace Hailuo.Contracts.ContractTests.Infrastructure;

/// <summary>
/// Simulators the contract tests take turns on: starting a WireMock.Net server costs 0.1 to 0.5 s, a reset about a
/// millisecond. A test rents one to itself, reset to the test's options (no tasks, stubs, log or faults of another test,
/// clock at its start), so there are only as many servers as tests running at once.
/// </summary>
internal static class SimulatorPool
{
    private static readonly SimulatorOptions Defaults = new();
    private static readonly ConcurrentBag<HailuoSimulator> Idle = new();
    private static readonly ConcurrentBag<HailuoSimulator> Started = new();

    static SimulatorPool() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();

    /// <summary>A simulator for this test alone, in its start state with <paramref name="options"/>; dispose the lease to hand it back.</summary>
    public static async Task<SimulatorLease> RentAsync(SimulatorOptions options)
    {
        // The log size is fixed when a server starts: a test that asks for another one gets a server of its own.
        if (options.RequestLogCapacity != Defaults.RequestLogCapacity)
        {
            return new SimulatorLease(HailuoSimulator.StartInMemory(options), shared: false);
        }

        if (Idle.TryTake(out var simulator))
        {
            await simulator.ResetAsync(options);
            return new SimulatorLease(simulator, shared: true);
        }

        simulator = HailuoSimulator.StartInMemory(options);
        Started.Add(simulator);
        return new SimulatorLease(simulator, shared: true);
    }

    /// <summary>Resets the simulator (stalled requests end, callbacks are dropped) and makes it available to the next test.</summary>
    internal static async ValueTask ReturnAsync(HailuoSimulator simulator)
    {
        await simulator.ResetAsync(Defaults);
        Idle.Add(simulator);
    }

    private static void StopAll()
    {
        // A hang guard, not a timing: the process is ending, so a server that does not stop in time is left to the OS.
        Task.WaitAll(Started.Select(s => s.DisposeAsync().AsTask()).ToArray(), TimeSpan.FromSeconds(10));
    }
}

/// <summary>One test's hold on a pooled simulator.</summary>
internal sealed class SimulatorLease(HailuoSimulator simulator, bool shared) : IAsyncDisposable
{
    public HailuoSimulator Simulator { get; } = simulator;

    public ValueTask DisposeAsync() => shared ? SimulatorPool.ReturnAsync(Simulator) : Simulator.DisposeAsync();
}
