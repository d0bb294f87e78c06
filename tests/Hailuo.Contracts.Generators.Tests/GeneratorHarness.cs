using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Hailuo.Contracts.Generators.Tests;

/// <summary>Runs the spec generator over in-memory spec files and C# sources, as the compiler would.</summary>
internal static class GeneratorHarness
{
    public const string ShippedSpecPath = "/repo/spec/hailuo.spec.json";

    // The SDK silences these binding-redirect notes by default; so do we.
    private static readonly Dictionary<string, ReportDiagnostic> UnificationWarnings = new() { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress };

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static string ShippedSpec => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "hailuo.spec.json"));

    public static string Spec(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", name));

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(UnificationWarnings));

    public static GeneratorDriver Driver(params AdditionalText[] specs) =>
        CSharpGeneratorDriver.Create(
            new[] { new SpecGenerator().AsSourceGenerator() },
            specs,
            new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRunResult Run(string specText, string path = ShippedSpecPath) =>
        Driver(new SpecFile(path, specText)).RunGenerators(Compilation()).GetRunResult().Results.Single();

    /// <summary>Runs the generator over a consumer's spec beside the packaged default spec, marked not to generate, as the package's props hand them over.</summary>
    public static GeneratorRunResult RunBesideShipped(string specText, string path)
    {
        var shipped = new SpecFile("/package/spec/hailuo.spec.json", ShippedSpec);
        return Driver(new SpecFile(path, specText), shipped).WithUpdatedAnalyzerConfigOptions(new MetadataOptions(shipped, "false"))
            .RunGenerators(Compilation()).GetRunResult().Results.Single();
    }

    /// <summary>Runs the generator and compiles its output with the snippets; returns every error and warning.</summary>
    public static ImmutableArray<Diagnostic> CompileWith(string specText, string path, params string[] snippets) =>
        Compile(Driver(new SpecFile(path, specText)), snippets);

    /// <summary>As <see cref="CompileWith"/>, with the packaged default spec beside the consumer's, as the package's props hand them over.</summary>
    public static ImmutableArray<Diagnostic> CompileBesideShipped(string specText, string path, params string[] snippets)
    {
        var shipped = new SpecFile("/package/spec/hailuo.spec.json", ShippedSpec);
        return Compile(Driver(new SpecFile(path, specText), shipped).WithUpdatedAnalyzerConfigOptions(new MetadataOptions(shipped, "false")), snippets);
    }

    private static ImmutableArray<Diagnostic> Compile(GeneratorDriver driver, string[] snippets)
    {
        driver.RunGeneratorsAndUpdateCompilation(Compilation(snippets), out var output, out var generatorDiagnostics);
        return generatorDiagnostics.AddRange(output.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
    }

    /// <summary>Compiles snippets against the built Hailuo.Contracts assembly, which carries the shipped spec's generated types.</summary>
    public static ImmutableArray<Diagnostic> CompileAgainstRuntime(params string[] snippets) =>
        Compilation(snippets).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // A consumer's code never references the generators, which load only as analyzers (and hold Hailuo.Contracts' words too).
        var analyzers = new[] { typeof(SpecGenerator).Assembly.Location, typeof(Vocabulary.VocabularyGenerator).Assembly.Location };
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Except(analyzers);
        var own = new[] { typeof(VideoGenerationRequest).Assembly.Location, typeof(FluentValidation.AbstractValidator<>).Assembly.Location, typeof(Refit.RestService).Assembly.Location };
        return platform.Concat(own).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}

/// <summary>A spec file handed to the generator as an AdditionalFile.</summary>
internal sealed class SpecFile(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}

/// <summary>Hands the generator the HailuoGenerate metadata of one AdditionalFile, as MSBuild would.</summary>
internal sealed class MetadataOptions(AdditionalText file, string generate) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions => Empty.Instance;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty.Instance;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        textFile == file ? new Single("build_metadata.AdditionalFiles.HailuoGenerate", generate) : Empty.Instance;

    private sealed class Empty : AnalyzerConfigOptions
    {
        public static readonly Empty Instance = new();

        public override bool TryGetValue(string key, out string value)
        {
            value = string.Empty;
            return false;
        }
    }

    private sealed class Single(string key, string value) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string name, out string found)
        {
            found = name == key ? value : string.Empty;
            return name == key;
        }
    }
}
