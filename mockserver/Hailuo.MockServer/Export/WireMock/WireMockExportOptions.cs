namespace Hailuo.MockServer.WireMock;

/// <summary>Settings of <see cref="WireMockExport"/>.</summary>
public sealed class WireMockExportOptions
{
    /// <summary>Where WireMock will answer; download URLs in the stubs point here (stubs cannot build them per request).</summary>
    public Uri BaseUrl { get; set; } = new("http://localhost:8080/");

    /// <summary>The only bearer key the stubs accept; null accepts any non-empty key, as the simulator does by default.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The formats to write: WireMock's JSON format, WireMock.Net's own, or both (the default).</summary>
    public WireMockFormats Formats { get; set; } = WireMockFormats.Both;
}
