using Microsoft.CodeAnalysis.Diagnostics;

namespace Hailuo.Contracts.Generators.Parsing;

/// <summary>Which AdditionalFiles are Hailuo specs: those whose name ends with <see cref="Suffix"/>.</summary>
internal static class SpecFiles
{
    public const string Suffix = ".spec.json";

    /// <summary>AdditionalFiles metadata; "false" marks a spec the analyzer reads but the generator leaves alone (the packaged default spec, whose types the runtime already holds).</summary>
    public const string GenerateMetadata = "build_metadata.AdditionalFiles.HailuoGenerate";

    public static bool Generates(AnalyzerConfigOptions options) =>
        !options.TryGetValue(GenerateMetadata, out var value) || !string.Equals(value, "false", System.StringComparison.OrdinalIgnoreCase);

    public static bool IsSpec(string path) =>
        path.EndsWith(Suffix, System.StringComparison.OrdinalIgnoreCase)
        && System.IO.Path.GetFileName(path).IndexOf("hailuo", System.StringComparison.OrdinalIgnoreCase) >= 0;
}
