using System.CommandLine;
using Hailuo.MockServer;
using Hailuo.MockServer.ContractSnapshots;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo contract record|verify`: the real API's answers as WireMock.Net snapshots, and their drift from the simulator (docs/CONTRACTS.md).</summary>
internal static class ContractCommand
{
    /// <summary>The key a recording of the embedded simulator is made with, and the only one it accepts (so the wrong-key probe is refused); no secret.</summary>
    private const string SimulatorKey = "sk-contract-record-sim";

    public static Command Create(CliConsole console) =>
        new("contract", "Record the real API's answers to free probes as WireMock.Net mappings, and verify the simulator against them.")
        {
            Record(console),
            Verify(console),
        };

    private static Command Record(CliConsole console)
    {
        var provider = new Option<string>("--provider") { Description = "apimart or minimax.", Required = true };
        var baseUrl = new Option<string?>("--base-url") { Description = "Where the probes go (default: the provider's production URL)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder the mapping files go to; nothing is written elsewhere.", Required = true };
        var spend = new Option<bool>("--spend-cheapest") { Description = "Add the cheapest real render (its price is printed before anything is sent)." };
        var sim = CommonOptions.Sim();
        sim.Description = "Record the embedded simulator instead (no key, no cost): the simulator's own snapshot.";
        var command = new Command("record", "Send free probes (invalid request, wrong key, unknown task, unknown file) and save each exchange, scrubbed, as a WireMock.Net mapping.")
        {
            provider, baseUrl, output, spend, sim,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var chosen = ProviderChoice.Find(result.GetValue(provider));
            if (chosen is null)
            {
                return console.Fail(ExitCodes.InvalidInput, ProviderChoice.Unknown(result.GetValue(provider)));
            }

            var onSim = result.GetValue(sim);
            var address = result.GetValue(baseUrl);
            if (onSim && address is not null)
            {
                return console.Fail(ExitCodes.InvalidInput, "--base-url and --sim cannot go together: --sim records the embedded simulator.");
            }

            if (address is not null && !Uri.TryCreate(address, UriKind.Absolute, out _))
            {
                return console.Fail(ExitCodes.InvalidInput, $"--base-url '{address}' is not an absolute http(s) URL, such as {chosen.BaseUrl}.");
            }

            var key = onSim ? SimulatorKey : console.EnvironmentVariable(chosen.ApiKeyEnvironmentVariable);
            if (string.IsNullOrWhiteSpace(key))
            {
                return console.Fail(ExitCodes.Authentication, $"no API key: set {chosen.ApiKeyEnvironmentVariable} to the key the probes are sent with (it is scrubbed from every recording), or add --sim.");
            }

            await using var simulator = onSim ? await HailuoSimulator.StartAsync(new SimulatorOptions { AcceptedKeys = { SimulatorKey } }, cancellationToken).ConfigureAwait(false) : null;
            var driver = simulator?.CreateClockDriver();
            var options = new ContractRecordOptions
            {
                Provider = chosen,
                BaseUrl = simulator?.BaseAddress ?? new Uri(address ?? chosen.BaseUrl.ToString()),
                ApiKey = key,
                OutFolder = result.GetValue(output)!.FullName,
                SpendCheapest = result.GetValue(spend),
                AllowUnpublishedPrice = onSim,
                Clock = (TimeProvider?)driver ?? TimeProvider.System,
                Log = line => console.Output.WriteLine(line),
            };
            try
            {
                var recording = ContractRecorder.RecordAsync(options, cancellationToken);
                var recorded = driver is null ? await recording.ConfigureAwait(false) : await driver.RunAsync(recording).ConfigureAwait(false);
                foreach (var problem in recorded.Problems)
                {
                    console.Fail(ExitCodes.Unexpected, problem);
                }

                console.Output.WriteLine($"recorded {recorded.Files.Count} exchanges in {recorded.Folder}");
                return recorded.Problems.Count == 0 ? ExitCodes.Success : ExitCodes.Unexpected;
            }
            catch (ContractInputException e)
            {
                return console.Fail(ExitCodes.InvalidInput, e.Message);
            }
        });
        return command;
    }

    private static Command Verify(CliConsole console)
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "The folder `contract record` wrote." };
        var provider = new Option<string?>("--provider") { Description = "apimart or minimax (default: the one the recordings name)." };
        var command = new Command("verify", "Replay every recorded request against the embedded simulator and compare the answers by shape; exit 14 on drift.") { folder, provider };
        command.SetAction(async (result, cancellationToken) =>
        {
            var name = result.GetValue(provider);
            if (name is not null && ProviderChoice.Find(name) is null)
            {
                return console.Fail(ExitCodes.InvalidInput, ProviderChoice.Unknown(name));
            }

            try
            {
                var report = await ContractVerifier.VerifyAsync(result.GetValue(folder)!.FullName, name, cancellationToken).ConfigureAwait(false);
                console.Output.WriteLine(report.Describe());
                return report.Drifts.Count == 0 ? ExitCodes.Success : ExitCodes.ContractDrift;
            }
            catch (ContractInputException e)
            {
                return console.Fail(ExitCodes.InvalidInput, e.Message);
            }
        });
        return command;
    }
}
