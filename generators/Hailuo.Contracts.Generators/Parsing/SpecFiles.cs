namespace Hailuo.Contracts.Generators.Parsing;

/// <summary>Which AdditionalFiles are Hailuo specs: those whose name ends with <see cref="Suffix"/>.</summary>
internal static class SpecFiles
{
    public const string Suffix = ".spec.json";

    public static bool IsSpec(string path) =>
        path.EndsWith(Suffix, System.StringComparison.OrdinalIgnoreCase)
        && System.IO.Path.GetFileName(path).IndexOf("hailuo", System.StringComparison.OrdinalIgnoreCase) >= 0;
}
