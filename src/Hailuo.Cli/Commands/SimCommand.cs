using System.CommandLine;
using Hailuo.MockServer;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo sim`: the standalone WireMock.Net simulator, the same server as mockserver/Hailuo.MockServer (see docs/SIMULATOR.md).</summary>
internal static class SimCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => StandaloneServer.DefaultUrl };
        var command = new Command("sim", "Run the Hailuo simulator (both dialects) until Ctrl-C.") { urls, SimExportCommand.Create(console) };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var server = StandaloneServer.Start(result.UnmatchedTokens.ToArray(), result.GetValue(urls)!);
            console.Output.WriteLine($"simulator listening on {server.Url}; Ctrl-C stops it");
            console.SimulatorListening?.Invoke();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: stop cleanly on dispose.
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
