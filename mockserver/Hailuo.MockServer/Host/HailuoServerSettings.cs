using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using WireMock.Settings;

namespace Hailuo.MockServer.Server;

/// <summary>WireMock.Net settings for a Hailuo server: loopback only, capped request log, the services the engine's faults need.</summary>
public static class HailuoServerSettings
{
    /// <summary>Two 20 MB images as base64 data URLs fit: Kestrel's 30 MB default would refuse a legal request.</summary>
    public const long MaxRequestBodyBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Settings that listen on <paramref name="url"/> (default: a port the OS picks on 127.0.0.1 when it binds; WireMockServer.Start()
    /// without settings would listen on all interfaces), keep at most RequestLogCapacity log entries, and serve the admin API.
    /// </summary>
    public static WireMockServerSettings Create(SimulatorOptions options, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new WireMockServerSettings
        {
            AdminUsername = options.HasAdminCredentials ? options.AdminUsername : null,
            AdminPassword = options.HasAdminCredentials ? options.AdminPassword : null,
            // Port 0: a port picked before binding could be taken by another socket before the bind (it was, in a test run).
            Urls = new[] { url ?? "http://127.0.0.1:0" },
            StartAdminInterface = true,
            MaxRequestLogCount = options.RequestLogCapacity,
            Logger = new WireMockNullLogger(),

            // JSON bodies are parsed, so users' stubs (JsonPartialMatcher, JsonPathMatcher) and POST /__admin/mappings work;
            // the engine still reads the text itself. The log keeps no copy of MP4 answers.
            DoNotSaveDynamicResponseInLogEntry = true,
            ScenarioStateStore = new SerialScenarioStore(),
            AdditionalServiceRegistration = AddServices,
        };
    }

    /// <summary>Counts every request the server serves into <paramref name="requests"/>, so a <see cref="VirtualClockDriver"/> holds the clock while one is in flight.</summary>
    public static WireMockServerSettings CountRequests(this WireMockServerSettings settings, RequestsInFlight requests)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(requests);
        var services = settings.AdditionalServiceRegistration;
        settings.AdditionalServiceRegistration = s =>
        {
            services?.Invoke(s);
            s.AddSingleton<IStartupFilter>(new InFlightStartupFilter(requests));
        };
        return settings;
    }

    /// <summary>
    /// What the engine needs from the host: IHttpContextAccessor for connection faults, room for two large images and no
    /// more (413 above <see cref="MaxRequestBodyBytes"/>).
    /// </summary>
    public static void AddServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpContextAccessor();

        // Post-configured: WireMock.Net's own UseKestrel sets the limit to none after every Configure.
        services.PostConfigure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddSingleton<IStartupFilter>(new BodyCapStartupFilter(MaxRequestBodyBytes));
    }
}
