using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hailuo.MockServer.WireMock;

/// <summary>
/// Writes the simulator's scenarios as WireMock stub mappings (<c>mappings/*.json</c>, MP4s in <c>__files/</c>) for
/// real WireMock (Java, Docker), and the same stubs in WireMock.Net's own format (<c>__admin/mappings/</c>), whose
/// importer of WireMock's format drops scenarios and priorities (see docs/WIREMOCK.md).
/// Every answer is recorded from an in-memory simulator, so the stubs say exactly what the simulator says.
/// </summary>
public static class WireMockExport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,

        // Stubs are read by people: keep '&' in URLs and quotes in messages as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Records every scenario on the simulator and writes the mappings under <paramref name="directory"/>.</summary>
    /// <param name="directory">The WireMock root directory (its <c>--root-dir</c>); created when missing, existing files of the same names are replaced.</param>
    /// <param name="options">Base URL, accepted key and formats; defaults to http://localhost:8080/, any bearer key and both formats.</param>
    /// <param name="cancellationToken">Stops the recording.</param>
    /// <returns>The files written and the scenarios they play.</returns>
    public static async Task<WireMockExportResult> WriteAsync(string directory, WireMockExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options ??= new WireMockExportOptions();
        if (!options.BaseUrl.IsAbsoluteUri || options.BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"WireMockExportOptions.BaseUrl must be an absolute http(s) URL; it is '{options.BaseUrl}'.", nameof(options));
        }

        if (options.Formats == 0 || (options.Formats & ~WireMockFormats.Both) != 0)
        {
            throw new ArgumentException($"WireMockExportOptions.Formats must be WireMock, WireMockNet or Both; it is '{options.Formats}'.", nameof(options));
        }

        var recording = await ExportRecorder.RecordAsync(options.BaseUrl, cancellationToken).ConfigureAwait(false);
        var (mappings, scenarios) = StubPlan.Build(recording, options);
        var root = Path.GetFullPath(directory);
        var files = new List<string>();
        foreach (var format in new[] { WireMockFormats.WireMock, WireMockFormats.WireMockNet }.Where(f => options.Formats.HasFlag(f)))
        {
            await WriteFormatAsync(root, format, mappings, files, cancellationToken).ConfigureAwait(false);
        }

        return new WireMockExportResult(root, files, scenarios);
    }

    /// <summary>One format's mapping files, one per stub, and the videos they serve.</summary>
    private static async Task WriteFormatAsync(string root, WireMockFormats format, IReadOnlyList<StubMapping> mappings, List<string> files, CancellationToken cancellationToken)
    {
        var mappingsFolder = WireMockLayout.MappingsFolder(format);
        var videosFolder = WireMockLayout.VideosFolder(format);
        Func<StubMapping, JsonObject> toJson = format == WireMockFormats.WireMock ? m => m.ToJson() : WireMockNetMapping.ToJson;
        Directory.CreateDirectory(Path.Combine(root, mappingsFolder));
        Directory.CreateDirectory(Path.Combine(root, videosFolder));
        foreach (var mapping in mappings)
        {
            var relative = Path.Combine(mappingsFolder, mapping.FileName + ".json");
            await File.WriteAllTextAsync(Path.Combine(root, relative), toJson(mapping).ToJsonString(Json) + "\n", new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            files.Add(relative);
            if (mapping.BodyFileName is { } bodyFile && !files.Contains(Path.Combine(videosFolder, bodyFile)))
            {
                var video = Path.Combine(videosFolder, bodyFile);
                await File.WriteAllBytesAsync(Path.Combine(root, video), mapping.Answer.Bytes!, cancellationToken).ConfigureAwait(false);
                files.Add(video);
            }
        }
    }

    /// <summary>The blocking form of <see cref="WriteAsync"/>, for build scripts and tools without async.</summary>
    /// <param name="directory">The WireMock root directory.</param>
    /// <param name="options">Base URL and accepted key.</param>
    /// <returns>The files written and the scenarios they play.</returns>
    public static WireMockExportResult Write(string directory, WireMockExportOptions? options = null) =>
        Task.Run(() => WriteAsync(directory, options)).GetAwaiter().GetResult();
}
