extern alias Generators;

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Generators::Hailuo.Contracts.Generators.Analysis;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>
/// The request analyzer over one method holding N requests (an initializer and two later assignments each, a forbidden
/// pair in every tenth). OwnWork is the analyzer's part alone, over operations bound once; the compiler's runs add
/// Roslyn's binding and dispatch, measured beside an analyzer that registers the same callbacks and does nothing.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private AnalyzerOptions _options = null!;
    private IOperation[] _operations = null!;
    private INamedTypeSymbol _requestType = null!;
    private UsageFacts _facts = null!;

    /// <summary>Requests in the one method; 6,000 shows whether the cost per request holds past the goal's 3,000.</summary>
    [Params(300, 3000, 6000)]
    public int Requests { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var source = new StringBuilder("using Hailuo.Contracts;\nclass C\n{\n    object[] M()\n    {\n");
        for (var i = 0; i < Requests; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var duration = i % 10 == 0 ? "10" : "5";
            source.Append("        var r").Append(n).Append(" = new VideoGenerationRequest { Model = \"MiniMax-Hailuo-02\", Prompt = \"A cat [Pan left]\" };\n");
            source.Append("        r").Append(n).Append(".Resolution = \"1080p\";\n");
            source.Append("        r").Append(n).Append(".Duration = ").Append(duration).Append(";\n");
        }

        source.Append("        return new object[] { r0 };\n    }\n}\n");
        // Consumer code references the runtime, never the generator (an analyzer, which holds Hailuo.Contracts' words too).
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Except(new[] { typeof(RequestAnalyzer).Assembly.Location });
        var references = platform.Append(typeof(VideoGenerationRequest).Assembly.Location).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText(source.ToString()) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var spec = File.ReadAllText(Path.Combine(RepositoryRoot(), "spec", "hailuo.spec.json"));
        _options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new SpecText("/repo/spec/hailuo.spec.json", spec)));
        var tree = _compilation.SyntaxTrees[0];
        var method = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single();
        var body = _compilation.GetSemanticModel(tree).GetOperation(method)!;
        _operations = body.Descendants().Where(o => RequestsOfBlock.Kinds.Contains(o.Kind)).ToArray();
        _requestType = _compilation.GetTypeByMetadataName("Hailuo.Contracts.VideoGenerationRequest")!;
        _facts = new UsageFacts(new[] { SpecCache.Model("/repo/spec/hailuo.spec.json", spec, CancellationToken.None)! });
        foreach (var flagged in new[] { Run(new RequestAnalyzer()), OwnWork() })
        {
            if (flagged != Requests / 10)
            {
                throw new InvalidOperationException($"The analyzer reported {flagged} diagnostics; {Requests / 10} were expected.");
            }
        }
    }

    /// <summary>The analyzer's own work for the method: reading its operations, then checking each request.</summary>
    [Benchmark]
    public int OwnWork()
    {
        var reported = 0;
        var requests = new RequestsOfBlock(_requestType);
        foreach (var operation in _operations)
        {
            requests.Read(operation);
        }

        requests.Finish(request => RequestAnalyzer.Analyze(_ => reported++, request, _facts));
        return reported;
    }

    /// <summary>The same callbacks, doing nothing: Roslyn's binding and dispatch, which the analyzer cannot avoid.</summary>
    [Benchmark]
    public int CallbacksOnlyInCompiler() => Run(new CallbacksOnlyAnalyzer());

    [Benchmark]
    public int AnalyzerInCompiler() => Run(new RequestAnalyzer());

    private int Run(DiagnosticAnalyzer analyzer) =>
        _compilation.WithAnalyzers(ImmutableArray.Create(analyzer), _options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Hailuo.Contracts.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Hailuo.Contracts.sln) is not above " + AppContext.BaseDirectory);
    }

    private sealed class SpecText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

#pragma warning disable RS1036, RS2008 // A benchmark's stand-in, never shipped.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CallbacksOnlyAnalyzer : DiagnosticAnalyzer
    {
        // Roslyn skips an analyzer that can report nothing, so this one declares a diagnostic it never reports.
        private static readonly DiagnosticDescriptor Never = new("BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationBlockStartAction(block =>
            {
                block.RegisterOperationAction(_ => { }, RequestsOfBlock.Kinds);
                block.RegisterOperationBlockEndAction(_ => { });
            });
        }
    }
#pragma warning restore RS1036, RS2008
}
