using Hailuo.Contracts;
using Hailuo.MockServer;

namespace Hailuo.Cli.Generation;

/// <summary>
/// The embedded simulator for --sim: on loopback, its virtual clock paced at 25 times real time so a realistic render
/// (about a minute) finishes in a few seconds; the clock holds still while a request is in flight, so a request slow
/// in real time (a cold start, a loaded machine) never runs out the client's attempt timeout.
/// </summary>
internal sealed class SimulatorSession : IAsyncDisposable
{
    public const string ApiKey = "sim-key";

    private const double Pace = 25;

    private readonly VirtualClockDriver _driver;
    private readonly ITimer _pacer;
    private readonly HttpClient _http;
    private readonly bool _owned;

    private SimulatorSession(HailuoSimulator simulator, bool owned)
    {
        Simulator = simulator;
        _owned = owned;
        _driver = simulator.CreateClockDriver();
        _pacer = _driver.Pace(Pace);
        _http = new HttpClient(_driver.CreateHandler()) { BaseAddress = simulator.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    public HailuoSimulator Simulator { get; }

    /// <summary>Whether this run started the simulator, so its task list began empty (tasks live in its memory only).</summary>
    public bool StartedEmpty => _owned;

    /// <summary>The simulator's paced clock, for anything that keeps time beside the client (a job ledger's timestamps).</summary>
    public TimeProvider Clock => _driver;

    /// <summary>A realistic lifecycle: queued after 5 s, processing after 15 s, done after the typical render time plus 15 s.</summary>
    public static SimulatorOptions DefaultOptions() => new()
    {
        QueuedAfter = TimeSpan.FromSeconds(5),
        ProcessingAfter = TimeSpan.FromSeconds(15),
        CompletedAfter = HailuoSpec.Tasks.TypicalRenderMin + TimeSpan.FromSeconds(15),
    };

    /// <summary>
    /// The console's simulator when it holds one (tests reuse one across runs, as a real provider keeps its tasks), else a
    /// new one with the console's options; the console is told either way.
    /// </summary>
    public static async Task<SimulatorSession> OpenAsync(CliConsole console, CancellationToken cancellationToken)
    {
        var session = console.Simulator is { } running
            ? new SimulatorSession(running, owned: false)
            : new SimulatorSession(await HailuoSimulator.StartAsync(console.SimulatorOptions(), cancellationToken).ConfigureAwait(false), owned: true);
        console.SimulatorStarted?.Invoke(session.Simulator);
        return session;
    }

    /// <summary>Client options that talk to this simulator, on its clock.</summary>
    public HailuoClientOptions ClientOptions(ProviderInfo provider)
    {
        var options = ClientFactory.Options(provider, ApiKey, Simulator.BaseAddress);
        options.TimeProvider = _driver;
        options.PollingInterval = TimeSpan.FromSeconds(5);
        return options;
    }

    /// <summary>A client of this simulator whose requests hold the paced clock from before their connection is made.</summary>
    public HailuoClient CreateClient(ProviderInfo provider) => new(ClientOptions(provider), _http);

    public async ValueTask DisposeAsync()
    {
        await _pacer.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
        if (_owned)
        {
            await Simulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
