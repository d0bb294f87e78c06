using System.Globalization;
using Hailuo.MockServer.Server;
using Microsoft.Extensions.Configuration;
using WireMock.Server;

namespace Hailuo.MockServer;

/// <summary>
/// The standalone WireMock.Net server of <c>dotnet run --project mockserver/Hailuo.MockServer</c> and <c>hailuo sim</c>:
/// settings from appsettings.json, environment (Simulator__RequestsPerMinute=60) and command line (--Simulator:RequestsPerMinute=60).
/// </summary>
public sealed class StandaloneServer : IAsyncDisposable
{
    /// <summary>Where the standalone server listens unless --urls says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private StandaloneServer(WireMockServer server, HailuoApi api, string url)
    {
        Server = server;
        Api = api;
        Url = url;
    }

    /// <summary>The running server.</summary>
    public WireMockServer Server { get; }

    /// <summary>The engine's mappings on it.</summary>
    public HailuoApi Api { get; }

    /// <summary>Where it listens.</summary>
    public string Url { get; }

    /// <summary>Reads the settings and starts the server.</summary>
    public static StandaloneServer Start(string[] args, string? url = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var options = configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();
        options.Validate();
        url ??= configuration["urls"] ?? DefaultUrl;
        var server = WireMockServer.Start(HailuoServerSettings.Create(options, url));
        return new StandaloneServer(server, server.AddHailuoApi(options), url);
    }

    /// <summary>Starts, prints the settings line, and runs until cancelled (Ctrl-C).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await using var server = Start(args);
        await output.WriteLineAsync(server.Describe()).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: stop cleanly.
        }

        return 0;
    }

    /// <summary>The start-up line: what it emulates and with which settings.</summary>
    public string Describe()
    {
        var options = Api.State.Options;
        var rateLimit = options.RequestsPerMinute?.ToString(CultureInfo.InvariantCulture) ?? "no limit";
        var balance = options.StartingBalance is { } dollars ? "$" + dollars.ToString(CultureInfo.InvariantCulture) : "unlimited";
        return $"Hailuo simulator on WireMock.Net at {Url}: {string.Join(", ", Api.State.ServedProviders.Select(p => p.Name))}, {options.Clock} clock, "
            + $"tasks finish {options.CompletedAfter} after submit, rate limit per key per minute: {rateLimit}, balance: {balance}, request log: {options.RequestLogCapacity} entries";
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        Api.State.Stop();
        Server.Stop();
        await Api.DisposeAsync().ConfigureAwait(false);
        Server.Dispose();
    }
}
