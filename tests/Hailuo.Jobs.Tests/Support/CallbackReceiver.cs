using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hailuo.Jobs.Tests.Support;

/// <summary>An app that maps the callback receiver in memory; the simulator posts its callbacks to it.</summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CallbackReceiver(WebApplication app) => _app = app;

    /// <summary>The runner of the process the receiver serves; a new process sets its own.</summary>
    public HailuoJobRunner? Runner
    {
        get => Runners.Count == 0 ? null : Runners[0];
        set => Runners = value is null ? [] : [value];
    }

    /// <summary>The runners the receiver serves (one per provider in one application).</summary>
    public IReadOnlyList<HailuoJobRunner> Runners { get; set; } = [];

    public Uri BaseAddress => _app.GetTestServer().BaseAddress;

    public static async Task<CallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        CallbackReceiver? receiver = null;
        // Two registrations, as an application with one runner per provider has; with one runner both give it.
        builder.Services.AddTransient(_ => receiver!.Runner ?? throw new InvalidOperationException("No process is running."));
        builder.Services.AddTransient(_ => receiver!.Runners.Count > 0 ? receiver.Runners[^1] : throw new InvalidOperationException("No process is running."));
        var app = builder.Build();
        app.MapHailuoCallbacks();
        receiver = new CallbackReceiver(app);
        await app.StartAsync();
        return receiver;
    }

    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
