using System.CommandLine;
using Hailuo.MockServer.WireMock;

namespace Hailuo.Cli.Commands;

/// <summary>`hailuo sim export-wiremock`: the simulator's scenarios as WireMock stub mappings (docs/WIREMOCK.md).</summary>
internal static class SimExportCommand
{
    private static readonly Dictionary<string, WireMockFormats> Formats = new(StringComparer.Ordinal)
    {
        ["both"] = WireMockFormats.Both,
        ["wiremock"] = WireMockFormats.WireMock,
        ["wiremock-net"] = WireMockFormats.WireMockNet,
    };

    public static Command Create(CliConsole console)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Root directory: mappings/ and __files/ for WireMock, __admin/mappings/ for WireMock.Net.", Required = true };
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "Where WireMock will answer; download URLs in the stubs point here.",
            DefaultValueFactory = _ => new WireMockExportOptions().BaseUrl.ToString(),
        };
        var apiKey = new Option<string?>("--api-key") { Description = "The only bearer key the stubs accept (default: any non-empty key)." };
        var format = new Option<string>("--format")
        {
            Description = "wiremock (WireMock's JSON format), wiremock-net (WireMock.Net's own format) or both.",
            DefaultValueFactory = _ => "both",
        };
        format.AcceptOnlyFromAmong(Formats.Keys.ToArray());
        var command = new Command("export-wiremock", "Write the simulator's scenarios as WireMock and WireMock.Net stub mappings.") { output, baseUrl, apiKey, format };
        command.SetAction(async (result, cancellationToken) =>
        {
            var url = result.GetValue(baseUrl)!;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                return console.Fail(ExitCodes.InvalidInput, $"--base-url '{url}' must be an absolute http(s) URL, such as http://localhost:8080.");
            }

            var options = new WireMockExportOptions { BaseUrl = parsed, ApiKey = result.GetValue(apiKey), Formats = Formats[result.GetValue(format)!] };
            var written = await WireMockExport.WriteAsync(result.GetValue(output)!.FullName, options, cancellationToken).ConfigureAwait(false);
            foreach (var (format, name) in new[] { (WireMockFormats.WireMock, "WireMock"), (WireMockFormats.WireMockNet, "WireMock.Net") })
            {
                var folder = WireMockLayout.MappingsFolder(format);
                var mappings = written.Files.Count(f => Path.GetDirectoryName(f) == folder);
                var videos = written.Files.Count(f => Path.GetDirectoryName(f) == WireMockLayout.VideosFolder(format));
                if (mappings > 0)
                {
                    console.Output.WriteLine($"wrote {mappings} mappings and {videos} video files for {name} to {Path.Combine(written.Directory, folder)}");
                }
            }

            foreach (var scenario in written.Scenarios)
            {
                var marker = scenario.PromptMarker is null ? "plain prompt" : "prompt with " + scenario.PromptMarker;
                console.Output.WriteLine($"  {scenario.Name}: {marker}, task {scenario.TaskId}, states {string.Join(" > ", scenario.States)}");
            }

            if (options.Formats.HasFlag(WireMockFormats.WireMock))
            {
                console.Output.WriteLine($"WireMock: java -jar wiremock-standalone.jar --root-dir {written.Directory} --port {options.BaseUrl.Port}");
            }

            if (options.Formats.HasFlag(WireMockFormats.WireMockNet))
            {
                console.Output.WriteLine($"WireMock.Net: static mappings from {Path.Combine(written.Directory, WireMockLayout.MappingsFolder(WireMockFormats.WireMockNet))} (ReadStaticMappings), port {options.BaseUrl.Port}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
