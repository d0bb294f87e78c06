using System.CommandLine;
using Hailuo.MockServer.WireMock;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo sim export-wiremock`: the simulator's scenarios as WireMock stub mappings (docs/WIREMOCK.md).</summary>
internal static class SimExportCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "WireMock root directory to write mappings/ and __files/ into.", Required = true };
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "Where WireMock will answer; download URLs in the stubs point here.",
            DefaultValueFactory = _ => new WireMockExportOptions().BaseUrl.ToString(),
        };
        var apiKey = new Option<string?>("--api-key") { Description = "The only bearer key the stubs accept (default: any non-empty key)." };
        var command = new Command("export-wiremock", "Write the simulator's scenarios as WireMock JSON stub mappings.") { output, baseUrl, apiKey };
        command.SetAction(async (result, cancellationToken) =>
        {
            var url = result.GetValue(baseUrl)!;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                return console.Fail(ExitCodes.InvalidInput, $"--base-url '{url}' must be an absolute http(s) URL, such as http://localhost:8080.");
            }

            var options = new WireMockExportOptions { BaseUrl = parsed, ApiKey = result.GetValue(apiKey) };
            var written = await WireMockExport.WriteAsync(result.GetValue(output)!.FullName, options, cancellationToken).ConfigureAwait(false);
            var mappings = written.Files.Count(f => f.EndsWith(".json", StringComparison.Ordinal));
            console.Output.WriteLine($"wrote {mappings} mappings and {written.Files.Count - mappings} video files to {written.Directory}");
            foreach (var scenario in written.Scenarios)
            {
                var marker = scenario.PromptMarker is null ? "plain prompt" : "prompt with " + scenario.PromptMarker;
                console.Output.WriteLine($"  {scenario.Name}: {marker}, task {scenario.TaskId}, states {string.Join(" > ", scenario.States)}");
            }

            console.Output.WriteLine($"run: java -jar wiremock-standalone.jar --root-dir {written.Directory} --port {options.BaseUrl.Port}");
            return ExitCodes.Success;
        });
        return command;
    }
}
