using Hailuo.MockServer;

namespace Hailuo.Contracts.ContractTests.Infrastructure;

/// <summary>
/// One test's world: a simulator to itself (rented from <see cref="SimulatorPool"/>, reset), a client of one dialect on
/// the simulator's virtual clock, and a recorder of the wire. Dispose it with <c>await using</c> to hand the simulator back.
/// </summary>
internal sealed class SimWorld : IAsyncDisposable
{
    public const string Key = "sk-test-0123456789";

    private readonly HttpClient _http;
    private readonly SimulatorLease _lease;

    private SimWorld(SimulatorLease lease, WireDialect dialect, Action<HailuoClientOptions>? configure, Func<HttpMessageHandler, HttpMessageHandler>? wrap)
    {
        _lease = lease;
        var simulator = lease.Simulator;
        Simulator = simulator;
        Clock = simulator.CreateClockDriver();
        Wire = new WireRecorder(Clock, wrap is null ? simulator.CreateHandler() : wrap(simulator.CreateHandler()));
        _http = new HttpClient(Wire);
        Options = Configure(dialect, Clock, simulator.BaseAddress, configure);
        Client = new HailuoClient(Options, _http);
    }

    public HailuoSimulator Simulator { get; }

    public SimulatorAdmin Admin => Simulator.Admin;

    public VirtualClockDriver Clock { get; }

    public WireRecorder Wire { get; }

    public HailuoClientOptions Options { get; }

    public HailuoClient Client { get; }

    /// <summary>Takes a simulator of the pool, reset to accept <see cref="Key"/> and to the test's options, and a client of the dialect.</summary>
    public static async Task<SimWorld> StartAsync(
        WireDialect dialect,
        Action<SimulatorOptions>? simulator = null,
        Action<HailuoClientOptions>? client = null,
        Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
    {
        var options = new SimulatorOptions { AcceptedKeys = { Key } };
        simulator?.Invoke(options);
        return new SimWorld(await SimulatorPool.RentAsync(options), dialect, client, wrap);
    }

    /// <summary>The options a test client uses: the simulator's address, the virtual clock, retries without jitter.</summary>
    public static HailuoClientOptions Configure(WireDialect dialect, TimeProvider clock, Uri baseAddress, Action<HailuoClientOptions>? configure = null)
    {
        var options = dialect == WireDialect.ApiMart ? HailuoClientOptions.ApiMart(Key) : HailuoClientOptions.MiniMax(Key);
        options.WithBaseAddress(baseAddress);
        options.TimeProvider = clock;
        options.Retry.UseJitter = false;
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A second client on the same simulator and clock, as another process would be.</summary>
    public HailuoClient NewClient(WireDialect dialect, Action<HailuoClientOptions>? configure = null) =>
        new(Configure(dialect, Clock, Simulator.BaseAddress, configure), _http);

    /// <summary>Runs a client call on virtual time.</summary>
    public Task<T> Run<T>(Func<HailuoClient, Task<T>> call) => Clock.RunAsync(call(Client));

    /// <summary>Submits, waits on virtual time and returns the completed task.</summary>
    public Task<VideoTask> SubmitAndWait(VideoGenerationRequest request) =>
        Run(async c => await c.WaitForCompletionAsync(await c.SubmitAsync(request)));

    /// <summary>Submits a typed request, waits and returns the completed task.</summary>
    public Task<VideoTask> SubmitAndWait(TypedVideoRequest request) =>
        Run(async c => await c.WaitForCompletionAsync(await c.SubmitAsync(request)));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        await _lease.DisposeAsync();
    }
}
