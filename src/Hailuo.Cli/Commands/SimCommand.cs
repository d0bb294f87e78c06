using System.CommandLine;
using Hailuo.MockServer;
using Hailuo.MockServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo sim`: the standalone simulator, configured like any ASP.NET app (see docs/SIMULATOR.md).</summary>
internal static class SimCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("sim", "Run the Hailuo simulator (both dialects) until Ctrl-C.") { urls, SimExportCommand.Create(console) };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = result.UnmatchedTokens.ToArray() });
            builder.WebHost.UseUrls(result.GetValue(urls)!);
            var options = builder.Configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();
            builder.Services.AddHailuoSimulator(options, TimeProvider.System);
            await using var app = builder.Build().UseHailuoSimulator();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            console.Output.WriteLine($"simulator listening on {result.GetValue(urls)}; Ctrl-C stops it");
            console.SimulatorListening?.Invoke();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: stop cleanly below.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
