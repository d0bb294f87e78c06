using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Hailuo.Contracts.Generators.Diagnostics;
using Hailuo.Contracts.Generators.Emit;
using Hailuo.Contracts.Generators.Model;
using Hailuo.Contracts.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Hailuo.Contracts.Generators;

/// <summary>Reads Hailuo spec files from AdditionalFiles and emits catalog, builders and validators: spec-wide files from the outline, each model's from its own node.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class SpecGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.IsSpec(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => new SpecText(pair.Left.Path, pair.Left.GetText(ct)?.ToString() ?? string.Empty, SpecFiles.Generates(pair.Right.GetOptions(pair.Left))))
            .WithTrackingName(TrackingNames.SpecText);

        var results = specs
            .Where(static spec => spec.Generates)
            .Select(static (spec, ct) => SpecParser.Parse(spec.Path, spec.Text, ct))
            .WithTrackingName(TrackingNames.Parsed);

        // A consumer's spec may name a dialect without its endpoint lines, and leave out the modes' inputs: those come from the specs read but not generated (the packaged default spec).
        var packaged = specs
            .Where(static spec => !spec.Generates)
            .Select(static (spec, ct) => SpecParser.Parse(spec.Path, spec.Text, ct).Model)
            .Collect();
        var shippedDialects = packaged
            .Select(static (all, _) => all.SelectMany(m => m?.Dialects ?? default).ToEquatableArray())
            .WithTrackingName(TrackingNames.ShippedDialects);
        var shippedModes = packaged
            .Select(static (all, _) => all.SelectMany(m => m?.ModeInputs ?? default).ToEquatableArray())
            .WithTrackingName(TrackingNames.ShippedModes);

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

        // Spec-wide and per-provider files read the outline, which no edit inside a model changes.
        var outlines = models
            .Select(static (model, _) => model?.Outline())
            .WithTrackingName(TrackingNames.Outline)
            .Combine(shippedDialects);
        context.RegisterSourceOutput(outlines, static (spc, pair) =>
        {
            if (pair.Left is { } outline)
            {
                AddSources(spc, SpecEmitter.EmitSpec(outline, pair.Right));
            }
        });

        // One node entry per model: an edit to one model re-emits only that model's files.
        var units = models
            .Combine(shippedModes)
            .SelectMany(static (pair, _) => ModelUnit.All(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ModelUnits);
        context.RegisterSourceOutput(units, static (spc, unit) =>
        {
            // A mode no spec read defines gets no entry method: say so rather than leave its builder unreachable in silence.
            foreach (var mode in unit.Model.Modes.Where(m => m.Inputs is null))
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UndefinedMode, Location.None, unit.Model.Id, mode.Mode));
            }

            AddSources(spc, SpecEmitter.EmitModel(unit));
        });
    }

    private static void AddSources(SourceProductionContext spc, IReadOnlyList<GeneratedFile> files)
    {
        foreach (var file in files)
        {
            spc.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
        }
    }
}

/// <summary>A spec file's path and text: the first, cheap step of the pipeline.</summary>
internal sealed record SpecText(string Path, string Text, bool Generates);
