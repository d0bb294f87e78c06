namespace Hailuo.MockServer.WireMock;

/// <summary>Which mapping formats <see cref="WireMockExport"/> writes; both can sit in one root directory.</summary>
[Flags]
public enum WireMockFormats
{
    /// <summary>WireMock's JSON format (Java, Docker): <c>mappings/*.json</c> and <c>__files/</c>, read with <c>--root-dir</c>.</summary>
    WireMock = 1,

    /// <summary>WireMock.Net's own format: <c>__admin/mappings/*.json</c> (videos in its <c>__files/</c> subfolder), read as static mappings from that root.</summary>
    WireMockNet = 2,

    /// <summary>Both formats.</summary>
    Both = WireMock | WireMockNet,
}
