using Hailuo.Contracts;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Microsoft.Extensions.Time.Testing;

namespace Hailuo.WireMock.Tests.Contract;

/// <summary>
/// One shared contract test's world on either server: a client of one dialect on a virtual clock, the wire recorder,
/// and the one thing a server does differently, letting a download URL's lifetime pass.
/// </summary>
internal sealed class ContractWorld : IAsyncDisposable
{
    /// <summary>The client's poll interval in every shared test; the simulator's lifecycle is timed to move one phase per poll, as WireMock's scenario does.</summary>
    public static readonly TimeSpan PollingInterval = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly Func<Task> _passUrlLifetime;
    private readonly IAsyncDisposable? _owned;

    public ContractWorld(FakeTimeProvider clock, HttpMessageHandler handler, Uri baseAddress, WireDialect dialect, Action<HailuoClientOptions>? configure, Func<Task> passUrlLifetime, IAsyncDisposable? owned)
    {
        _baseAddress = baseAddress;
        _passUrlLifetime = passUrlLifetime;
        _owned = owned;
        Clock = new VirtualClockDriver(clock);
        Wire = new WireRecorder(Clock, handler);
        _http = new HttpClient(Wire);
        Client = NewClient(dialect, configure);
    }

    public VirtualClockDriver Clock { get; }

    public WireRecorder Wire { get; }

    public HailuoClient Client { get; }

    /// <summary>A client on the same server and clock, as another process would be.</summary>
    public HailuoClient NewClient(WireDialect dialect, Action<HailuoClientOptions>? configure = null) => new(
        SimWorld.Configure(dialect, Clock, _baseAddress, o =>
        {
            o.PollingInterval = PollingInterval;
            configure?.Invoke(o);
        }),
        _http);

    /// <summary>Runs a client call on virtual time.</summary>
    public Task<T> Run<T>(Func<HailuoClient, Task<T>> call) => Clock.RunAsync(call(Client));

    /// <summary>Submits, waits on virtual time and returns the completed task.</summary>
    public Task<VideoTask> SubmitAndWait(TypedVideoRequest request) =>
        Run(async c => await c.WaitForCompletionAsync(await c.SubmitAsync(request)));

    /// <summary>Past the URL lifetime: the simulator's clock moves on; WireMock's scenario is set to Expired.</summary>
    public Task PassUrlLifetimeAsync() => _passUrlLifetime();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }
}
