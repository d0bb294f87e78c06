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
    public HailuoJobRunner? Runner { get; set; }

    public Uri BaseAddress => _app.GetTestServer().BaseAddress;

    public static async Task<CallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        CallbackReceiver? receiver = null;
        builder.Services.AddTransient(_ => receiver!.Runner ?? throw new InvalidOperationException("No process is running."));
        var app = builder.Build();
        app.MapHailuoCallbacks();
        receiver = new CallbackReceiver(app);
        await app.StartAsync();
        return receiver;
    }

    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
