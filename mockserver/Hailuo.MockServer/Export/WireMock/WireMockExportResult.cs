namespace Hailuo.MockServer.WireMock;

/// <summary>What <see cref="WireMockExport"/> wrote.</summary>
/// <param name="Directory">The root directory: <c>mappings/</c> and <c>__files/</c> (WireMock), <c>__admin/mappings/</c> (WireMock.Net) are inside it.</param>
/// <param name="Files">Every file written, relative to <paramref name="Directory"/>, in order.</param>
/// <param name="Scenarios">The scenarios the mappings play, both dialects.</param>
public sealed record WireMockExportResult(string Directory, IReadOnlyList<string> Files, IReadOnlyList<WireMockScenario> Scenarios)
{
    /// <summary>The scenario of a dialect picked by a prompt marker (null: the plain lifecycle).</summary>
    public WireMockScenario Scenario(Hailuo.Contracts.WireDialect dialect, string? promptMarker) =>
        Scenarios.First(s => s.Dialect == dialect && s.PromptMarker == promptMarker);
}
