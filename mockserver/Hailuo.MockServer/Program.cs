using Hailuo.MockServer;
using Hailuo.MockServer.Hosting;

// Standalone: dotnet run --project mockserver/Hailuo.MockServer -- --urls http://127.0.0.1:5080
var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();

// The system clock by default so the lifecycle runs by itself; "Manual" lets other languages drive it via /__admin/advance.
var manual = string.Equals(builder.Configuration[SimulatorOptions.SectionName + ":Clock"], "Manual", StringComparison.OrdinalIgnoreCase);
TimeProvider clock = manual ? new ManualTimeProvider(DateTimeOffset.UtcNow) : TimeProvider.System;
builder.Services.AddHailuoSimulator(options, clock);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = SimulatorApp.MaxRequestBodyBytes);

var app = builder.Build().UseHailuoSimulator();
var rateLimit = options.RequestsPerMinute?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no limit";
var balance = options.StartingBalance is { } dollars ? "$" + dollars.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unlimited";
StartupLog.Started(app.Logger, manual ? "manual" : "system", options.CompletedAfter, rateLimit, balance);
app.Run();
