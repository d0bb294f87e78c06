using Hailuo.MockServer.Server;
using Microsoft.Extensions.Time.Testing;
using WireMock.Server;

namespace Hailuo.MockServer;

/// <summary>
/// The simulator embedded in a test: <c>await using var sim = await HailuoSimulator.StartAsync();</c> serves both dialects
/// from a WireMock.Net server on a loopback port, on a <see cref="FakeTimeProvider"/>. Add your own stubs to
/// <see cref="Server"/>: they answer before the engine's mappings.
/// </summary>
public sealed class HailuoSimulator : IAsyncDisposable
{
    /// <summary>Where the simulator's clock starts: 2026-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset ClockStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SimulatorOptions _options;
    private readonly SemaphoreSlim _resetting = new(1, 1);
    private volatile HailuoApi _api;

    private HailuoSimulator(WireMockServer server, HailuoApi api, RequestsInFlight requests, SimulatorOptions options)
    {
        RequestsInFlight = requests;
        Server = server;
        _api = api;
        _options = options;
        BaseAddress = new Uri(server.Url!.TrimEnd('/') + "/");
    }

    /// <summary>Where the simulator answers, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The WireMock.Net server: add stubs, read LogEntries, or use its admin API under /__admin/.</summary>
    public WireMockServer Server { get; }

    /// <summary>The engine's mappings on <see cref="Server"/>; a new instance after <see cref="ResetAsync"/>.</summary>
    public HailuoApi Api => _api;

    /// <summary>The simulator's clock; advance it to move tasks on and expire URLs. A new clock after <see cref="ResetAsync"/>.</summary>
    public FakeTimeProvider Clock => (FakeTimeProvider)_api.Clock;

    /// <summary>Journal, tasks, faults and reset.</summary>
    public SimulatorAdmin Admin => Api.Admin;

    /// <summary>The requests the server is serving right now (any mapping, the admin API too).</summary>
    public RequestsInFlight RequestsInFlight { get; }

    internal Simulation.SimulatorState State => Api.State;

    /// <summary>Starts the simulator on a free 127.0.0.1 port on a manual clock (the options' Clock setting is ignored here).</summary>
    public static Task<HailuoSimulator> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(StartInMemory(options));
    }

    /// <summary>
    /// Starts the simulator at once, as <see cref="StartAsync"/> does: WireMock.Net has no in-memory host, so this too
    /// listens on a free 127.0.0.1 port. Kept so synchronous callers need no change.
    /// </summary>
    public static HailuoSimulator StartInMemory(SimulatorOptions? options = null)
    {
        options ??= new SimulatorOptions();
        options.Validate();
        var requests = new RequestsInFlight();
        var server = WireMockServer.Start(HailuoServerSettings.Create(options).CountRequests(requests));
        try
        {
            return new HailuoSimulator(server, server.AddHailuoApi(options, new FakeTimeProvider(ClockStart)), requests, options);
        }
        catch
        {
            server.Stop();
            server.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Puts the simulator back in its start state without starting a new server (which costs a few hundred milliseconds):
    /// every user stub, scenario state and log entry on <see cref="Server"/> is removed, stalled requests end, unsent
    /// callbacks are dropped, and a new engine with no tasks, faults, journal or rate-limit windows, and its starting
    /// balance, answers on a new clock at <see cref="ClockStart"/>. With <paramref name="options"/>, the engine starts
    /// over with those instead of the ones the simulator started with. <see cref="Clock"/> and <see cref="Api"/> are new:
    /// make clock drivers again (clients of <see cref="BaseAddress"/> keep working).
    /// </summary>
    /// <exception cref="ArgumentException">The options ask for another request log size, which is fixed when the server starts.</exception>
    public async Task ResetAsync(SimulatorOptions? options = null)
    {
        options ??= _options;
        options.Validate();
        if (options.RequestLogCapacity != _options.RequestLogCapacity)
        {
            throw new ArgumentException(
                $"RequestLogCapacity {options.RequestLogCapacity} cannot be applied by a reset: this server started with {_options.RequestLogCapacity}, and WireMock.Net fixes the log size at start. Start a new simulator for another size.",
                nameof(options));
        }

        await _resetting.WaitAsync().ConfigureAwait(false);
        try
        {
            await _api.DisposeAsync().ConfigureAwait(false);

            // Log, scenarios and every non-admin mapping: the user's stubs and the old engine's alike.
            Server.Reset();
            _api = Server.AddHailuoApi(options, new FakeTimeProvider(ClockStart));
        }
        finally
        {
            _resetting.Release();
        }
    }

    /// <summary>
    /// A driver of <see cref="Clock"/> that moves it on its own, never while the server serves a request; give clients the
    /// driver as their TimeProvider, then <c>await driver.RunAsync(work)</c> (next timer when idle) or <c>driver.Pace(25)</c>.
    /// </summary>
    public VirtualClockDriver CreateClockDriver() => new(Clock, RequestsInFlight);

    /// <summary>A client whose BaseAddress is the simulator; add the Authorization header yourself.</summary>
    public HttpClient CreateClient() => new(CreateHandler(), disposeHandler: true) { BaseAddress = BaseAddress };

    /// <summary>A plain socket handler: the simulator is on loopback.</summary>
    public HttpMessageHandler CreateHandler() => new SocketsHttpHandler();

    /// <summary>Stops the server; stalled requests are reset and unsent callbacks dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        State.Stop();
        Server.Stop();
        await Api.DisposeAsync().ConfigureAwait(false);
        Server.Dispose();
        _resetting.Dispose();
    }
}
