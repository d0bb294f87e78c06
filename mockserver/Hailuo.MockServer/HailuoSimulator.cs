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

    private HailuoSimulator(WireMockServer server, HailuoApi api, RequestsInFlight requests)
    {
        RequestsInFlight = requests;
        Server = server;
        Api = api;
        Clock = (FakeTimeProvider)api.Clock;
        BaseAddress = new Uri(server.Url!.TrimEnd('/') + "/");
    }

    /// <summary>Where the simulator answers, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The WireMock.Net server: add stubs, read LogEntries, or use its admin API under /__admin/.</summary>
    public WireMockServer Server { get; }

    /// <summary>The engine's mappings on <see cref="Server"/>.</summary>
    public HailuoApi Api { get; }

    /// <summary>The simulator's clock; advance it to move tasks on and expire URLs.</summary>
    public FakeTimeProvider Clock { get; }

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
            return new HailuoSimulator(server, server.AddHailuoApi(options, new FakeTimeProvider(ClockStart)), requests);
        }
        catch
        {
            server.Stop();
            server.Dispose();
            throw;
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
    }
}
