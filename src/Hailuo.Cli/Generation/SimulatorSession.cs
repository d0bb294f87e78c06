using Hailuo.Contracts;
using Hailuo.MockServer;

namespace Hailuo.Cli.Generation;

/// <summary>
/// The embedded simulator for --sim: on loopback, its virtual clock paced faster than real time so a
/// realistic render (about a minute) finishes in a few seconds.
/// </summary>
internal sealed class SimulatorSession : IAsyncDisposable
{
    public const string ApiKey = "sim-key";

    // One real tick moves the simulated clock this far: 25 times real time.
    private static readonly TimeSpan RealTick = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan VirtualTick = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pacer;

    private SimulatorSession(HailuoSimulator simulator)
    {
        Simulator = simulator;
        _pacer = PaceAsync(_stop.Token);
    }

    public HailuoSimulator Simulator { get; }

    /// <summary>A realistic lifecycle: queued after 5 s, processing after 15 s, done after the typical render time plus 15 s.</summary>
    public static SimulatorOptions DefaultOptions() => new()
    {
        QueuedAfter = TimeSpan.FromSeconds(5),
        ProcessingAfter = TimeSpan.FromSeconds(15),
        CompletedAfter = HailuoSpec.Tasks.TypicalRenderMin + TimeSpan.FromSeconds(15),
    };

    public static async Task<SimulatorSession> StartAsync(SimulatorOptions options, CancellationToken cancellationToken) =>
        new(await HailuoSimulator.StartAsync(options, cancellationToken).ConfigureAwait(false));

    /// <summary>Client options that talk to this simulator, on its clock.</summary>
    public HailuoClientOptions ClientOptions(ProviderInfo provider)
    {
        var options = ClientFactory.Options(provider, ApiKey, Simulator.BaseAddress);
        options.TimeProvider = Simulator.Clock;
        options.PollingInterval = TimeSpan.FromSeconds(5);
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pacer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The pacer ends by cancellation.
        }

        _stop.Dispose();
        await Simulator.DisposeAsync().ConfigureAwait(false);
    }

    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RealTick);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            Simulator.Clock.Advance(VirtualTick);
        }
    }
}
