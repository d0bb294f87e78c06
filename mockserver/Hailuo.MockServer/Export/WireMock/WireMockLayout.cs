namespace Hailuo.MockServer.WireMock;

/// <summary>Where each format's files go under the export's root directory, as each server reads them.</summary>
public static class WireMockLayout
{
    /// <summary>The folder of the mapping files: WireMock's <c>mappings/</c>, WireMock.Net's <c>__admin/mappings/</c>.</summary>
    public static string MappingsFolder(WireMockFormats format) => format switch
    {
        WireMockFormats.WireMock => "mappings",
        WireMockFormats.WireMockNet => WireMockNetMapping.MappingsFolder,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "One format: WireMock or WireMockNet."),
    };

    /// <summary>The folder of the MP4s: WireMock's <c>__files/</c>, WireMock.Net's <c>__admin/mappings/__files/</c>.</summary>
    public static string VideosFolder(WireMockFormats format) => format switch
    {
        WireMockFormats.WireMock => "__files",
        WireMockFormats.WireMockNet => Path.Combine(WireMockNetMapping.MappingsFolder, WireMockNetMapping.FilesFolder),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "One format: WireMock or WireMockNet."),
    };
}
