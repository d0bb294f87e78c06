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

    /// <summary>The flag that lets a non-loopback address serve an open admin API (same as --Simulator:AllowOpenAdmin=true).</summary>
    public const string AllowOpenAdminFlag = "--allow-open-admin";

    /// <summary>
    /// Reads the settings and starts the server. On a non-loopback address it refuses to start unless admin credentials
    /// are set (Simulator:AdminUsername and Simulator:AdminPassword) or <see cref="AllowOpenAdminFlag"/> is given, which
    /// writes a warning to <paramref name="warnings"/> (default: standard error).
    /// </summary>
    /// <exception cref="InvalidOperationException">A non-loopback address without admin credentials or the flag.</exception>
    public static StandaloneServer Start(string[] args, string? url = null, TextWriter? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Select(a => a == AllowOpenAdminFlag ? "--" + SimulatorOptions.SectionName + ":AllowOpenAdmin=true" : a).ToArray())
            .Build();
        var options = configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();
        options.Validate();
        url ??= configuration["urls"] ?? DefaultUrl;
        if (OpenAdminProblem(url, options) is { } problem)
        {
            if (!options.AllowOpenAdmin)
            {
                throw new InvalidOperationException(problem + $" Set Simulator:AdminUsername and Simulator:AdminPassword (WireMock.Net's admin authentication), listen on 127.0.0.1, or pass {AllowOpenAdminFlag} to serve it open anyway.");
            }

            (warnings ?? Console.Error).WriteLine("warning: " + problem + $" ({AllowOpenAdminFlag} was given.)");
        }

        var server = WireMockServer.Start(HailuoServerSettings.Create(options, url));

        // Port 0 asks the OS for a free port at the bind; the address to reach is then the one the server reports.
        var reached = new Uri(url).Port == 0 && server.Url is { } bound ? bound : url;
        return new StandaloneServer(server, server.AddHailuoApi(options), reached);
    }

    /// <summary>Why serving <paramref name="url"/> would open the admin API to the network, or null when it would not.</summary>
    internal static string? OpenAdminProblem(string url, SimulatorOptions options)
    {
        if (options.HasAdminCredentials)
        {
            return null;
        }

        // Kestrel reads "*" and "+" as every address; an unreadable URL is left to WireMock.Net to refuse.
        var host = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri) || uri.IsLoopback)
        {
            return null;
        }

        return $"{url} is not a loopback address, and the admin API is open: anyone who reaches it can read every request and its body at /__admin/requests, change the mappings at /__admin/mappings, and wipe every task at /__admin/hailuo/reset.";
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
        StandaloneServer started;
        try
        {
            started = Start(args, warnings: output);
        }
        catch (InvalidOperationException ex)
        {
            await output.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 2;
        }

        await using var server = started;
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
