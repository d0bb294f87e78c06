using Hailuo.MockServer;

namespace Hailuo.Contracts.ContractTests.Infrastructure;

/// <summary>A client over a <see cref="CannedHandler"/> on a virtual clock.</summary>
internal sealed class CannedWorld : IDisposable
{
    private readonly HttpClient _http;

    public CannedWorld(WireDialect dialect, Func<HttpRequestMessage, int, HttpResponseMessage> answer, Action<HailuoClientOptions>? configure = null)
    {
        Clock = new VirtualClockDriver(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(HailuoSimulator.ClockStart));
        Handler = new CannedHandler(answer);
        Wire = new WireRecorder(Clock, Handler);
        _http = new HttpClient(Wire);
        Client = new HailuoClient(SimWorld.Configure(dialect, Clock, new Uri("https://api.test/"), configure), _http);
    }

    public VirtualClockDriver Clock { get; }

    public CannedHandler Handler { get; }

    public WireRecorder Wire { get; }

    public HailuoClient Client { get; }

    public Task<T> Run<T>(Func<HailuoClient, Task<T>> call) => Clock.RunAsync(call(Client));

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
