using System.Collections.Immutable;
using Hailuo.Contracts.Generators.Emit;
using Hailuo.Contracts.Generators.Model;
using Hailuo.Contracts.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Hailuo.Contracts.Generators;

/// <summary>Reads Hailuo spec files from AdditionalFiles and emits catalog, builders and validators.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class SpecGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.IsSpec(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => SpecFiles.Generates(pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, ct) => new SpecText(pair.Left.Path, pair.Left.GetText(ct)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.SpecText)
            .Select(static (spec, ct) => SpecParser.Parse(spec.Path, spec.Text, ct))
            .WithTrackingName(TrackingNames.Parsed);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var diagnostic in list)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var models = results
            .Select(static (result, _) => result.Model)
            .WithTrackingName(TrackingNames.Model);
        context.RegisterSourceOutput(models, static (spc, model) =>
        {
            if (model is null)
            {
                return;
            }

            foreach (var file in SpecEmitter.Emit(model))
            {
                spc.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
            }
        });
    }
}

/// <summary>A spec file's path and text: the first, cheap step of the pipeline.</summary>
internal sealed record SpecText(string Path, string Text);
