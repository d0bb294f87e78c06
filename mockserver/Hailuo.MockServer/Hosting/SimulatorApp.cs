using Hailuo.MockServer.Simulation;
using Hailuo.MockServer.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hailuo.MockServer.Hosting;

/// <summary>
/// Hosts the simulator in any ASP.NET Core app: the standalone server, the CLI's <c>sim</c> command and
/// <see cref="HailuoSimulator"/> all use these two calls.
/// </summary>
public static class SimulatorApp
{
    /// <summary>Two 20 MB images as base64 data URLs fit: Kestrel's 30 MB default would refuse a legal request.</summary>
    public const long MaxRequestBodyBytes = 64L * 1024 * 1024;

    /// <summary>Registers one simulator with these settings on this clock (<see cref="TimeProvider.System"/> or a <see cref="ManualTimeProvider"/>).</summary>
    public static IServiceCollection AddHailuoSimulator(this IServiceCollection services, SimulatorOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        return services.AddSingleton(sp => new SimulatorState(options, clock, sp.GetRequiredService<ILoggerFactory>()));
    }

    /// <summary>Adds the simulator's middleware and endpoints: both dialects, downloads and /__admin/.</summary>
    public static WebApplication UseHailuoSimulator(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var state = app.Services.GetRequiredService<SimulatorState>();
        app.Lifetime.ApplicationStopping.Register(state.Stop);

        // Journal outermost so it sees faults and gate answers; faults before the gate, as a broken proxy would be.
        app.UseMiddleware<JournalMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<GateMiddleware>();
        app.MapApiMart();
        app.MapMiniMax();
        app.MapDownloads();
        app.MapAdmin();
        return app;
    }
}
