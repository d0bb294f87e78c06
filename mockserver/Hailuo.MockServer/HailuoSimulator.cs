using System.Net;
using Hailuo.MockServer.Hosting;
using Hailuo.MockServer.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hailuo.MockServer;

/// <summary>
/// The simulator embedded in a test: <c>await using var sim = await HailuoSimulator.StartAsync();</c> serves both dialects
/// on a loopback port (or in memory with <see cref="StartInMemory"/>) on a <see cref="ManualTimeProvider"/>.
/// </summary>
public sealed class HailuoSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestServer? _testServer;

    private HailuoSimulator(WebApplication app, ManualTimeProvider clock, Uri baseAddress, TestServer? testServer)
    {
        _app = app;
        _testServer = testServer;
        Clock = clock;
        BaseAddress = baseAddress;
        State = app.Services.GetRequiredService<SimulatorState>();
        Admin = new SimulatorAdmin(State);
    }

    /// <summary>Where the simulator answers, such as http://127.0.0.1:41234/ (in memory: http://localhost/).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The simulator's clock; advance it to move tasks on and expire URLs.</summary>
    public ManualTimeProvider Clock { get; }

    /// <summary>Journal, tasks, faults and reset.</summary>
    public SimulatorAdmin Admin { get; }

    internal SimulatorState State { get; }

    /// <summary>Starts the simulator with Kestrel on a free loopback port (real sockets).</summary>
    public static async Task<HailuoSimulator> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var clock = new ManualTimeProvider();
        var builder = CreateBuilder(options, clock);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = SimulatorApp.MaxRequestBodyBytes;
        });
        var app = Build(builder);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HailuoSimulator(app, clock, new Uri(address.TrimEnd('/') + "/"), null);
    }

    /// <summary>Starts the simulator in memory (ASP.NET Core TestServer): no socket; use <see cref="CreateClient"/> or <see cref="CreateHandler"/>.</summary>
    public static HailuoSimulator StartInMemory(SimulatorOptions? options = null)
    {
        var clock = new ManualTimeProvider();
        var builder = CreateBuilder(options, clock);
        builder.WebHost.UseTestServer();
        var app = Build(builder);
        app.StartAsync().GetAwaiter().GetResult();
        var server = (TestServer)app.Services.GetRequiredService<IServer>();
        return new HailuoSimulator(app, clock, server.BaseAddress, server);
    }

    /// <summary>A client whose BaseAddress is the simulator; add the Authorization header yourself.</summary>
    public HttpClient CreateClient() => new(CreateHandler(), disposeHandler: true) { BaseAddress = BaseAddress };

    /// <summary>A handler that reaches the simulator: TestServer's in memory, a plain socket handler on loopback.</summary>
    public HttpMessageHandler CreateHandler() => _testServer?.CreateHandler() ?? new SocketsHttpHandler();

    /// <summary>Stops the server; stalled requests are reset and unsent callbacks dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        State.Stop();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static WebApplicationBuilder CreateBuilder(SimulatorOptions? options, ManualTimeProvider clock)
    {
        options ??= new SimulatorOptions();
        options.Validate();

        // The empty builder reads no appsettings or environment: an embedded simulator depends only on its options.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRouting();
        builder.Services.AddLogging();
        builder.Services.AddHailuoSimulator(options, clock);
        return builder;
    }

    private static WebApplication Build(WebApplicationBuilder builder) => builder.Build().UseHailuoSimulator();
}
