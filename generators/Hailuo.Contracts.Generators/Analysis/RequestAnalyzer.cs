using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Hailuo.Contracts.Generators.Diagnostics;
using Hailuo.Contracts.Generators.Model;
using Hailuo.Contracts.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Hailuo.Contracts.Generators.Analysis;

/// <summary>
/// Flags untyped VideoGenerationRequests whose constant values the spec forbids, at compile time, for code that does
/// not use the typed builders: values from object initializers and from later assignments to the same local.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequestAnalyzer : DiagnosticAnalyzer
{
    private const string RequestType = "Hailuo.Contracts.VideoGenerationRequest";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnknownModel,
        DiagnosticDescriptors.ForbiddenPair,
        DiagnosticDescriptors.UnknownCameraCommand,
        DiagnosticDescriptors.TooManyCameraCommands,
        DiagnosticDescriptors.PromptTooLong);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var requestType = start.Compilation.GetTypeByMetadataName(RequestType);
            if (requestType is null)
            {
                return;
            }

            var specs = start.Options.AdditionalFiles
                .Where(file => SpecFiles.IsSpec(file.Path))
                .Select(file => SpecParser.Parse(file.Path, file.GetText(start.CancellationToken)?.ToString() ?? string.Empty, start.CancellationToken).Model)
                .Where(model => model is not null)
                .Select(model => model!)
                .ToList();
            if (specs.Count == 0)
            {
                return;
            }

            var facts = new UsageFacts(specs);
            start.RegisterOperationBlockStartAction(block => RequestsOfBlock.Register(block, requestType, (report, request) => Analyze(report, request, facts)));
        });
    }

    private static void Analyze(System.Action<Diagnostic> report, ConstantRequest request, UsageFacts facts)
    {
        if (request.Model is { } model)
        {
            var offers = facts.Offers(model.Value);
            if (offers.Count == 0)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.UnknownModel, model.Location, model.Value, string.Join(", ", facts.ModelIds)));
            }
            else if (PairProblem(request, offers) is { } problem)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.ForbiddenPair, problem.Location, problem.Message));
            }
        }

        if (request.Prompt is { } prompt)
        {
            AnalyzePrompt(report, prompt.Value, prompt.Location, facts);
        }
    }

    /// <summary>A pair is flagged only when no provider that offers the model allows it.</summary>
    private static (string Message, Location Location)? PairProblem(ConstantRequest request, IReadOnlyList<(ProviderModel Provider, ModelModel Model)> offers)
    {
        if (request.Resolution is null || !request.ModeKnown)
        {
            return null;
        }

        var mode = request.Mode();
        var resolution = request.Resolution.Value;
        var allowed = new List<string>();
        foreach (var (provider, model) in offers)
        {
            var row = model.Modes.FirstOrDefault(m => m.Mode == mode)?.Matrix.FirstOrDefault(r => string.Equals(r.Resolution, resolution.Value, System.StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                allowed.Add(provider.Name + ": " + Describe(model, mode));
                continue;
            }

            if (request.Duration is not { } duration || row.Durations.Contains(duration.Value))
            {
                return null;
            }

            allowed.Add(provider.Name + ": " + string.Join(" or ", row.Durations.Select(d => d.ToString(CultureInfo.InvariantCulture))) + " s at " + row.Resolution);
        }

        var id = request.Model!.Value.Value;
        if (request.Duration is { } seconds && allowed.All(a => a.Contains(" s at ")))
        {
            return ($"'duration' is {seconds.Value.ToString(CultureInfo.InvariantCulture)} at {resolution.Value}, which {id} {mode} does not allow; allowed: {string.Join("; ", allowed)}", seconds.Location);
        }

        return ($"'resolution' is '{resolution.Value}', which {id} {mode} does not offer with this duration; allowed: {string.Join("; ", allowed)}", resolution.Location);
    }

    private static string Describe(ModelModel model, string mode)
    {
        var entry = model.Modes.FirstOrDefault(m => m.Mode == mode);
        return entry is null
            ? "no " + mode
            : string.Join(", ", entry.Matrix.Select(r => r.Resolution + " (" + string.Join(", ", r.Durations.Select(d => d.ToString(CultureInfo.InvariantCulture))) + " s)"));
    }

    private static void AnalyzePrompt(System.Action<Diagnostic> report, string prompt, Location location, UsageFacts facts)
    {
        if (facts.MaxPromptLength is { } max)
        {
            var length = PromptLength.Count(prompt);
            if (length > max)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.PromptTooLong, location, length.ToString("N0", CultureInfo.InvariantCulture), max.ToString("N0", CultureInfo.InvariantCulture)));
            }
        }

        if (facts.Camera is not { } camera)
        {
            return;
        }

        var known = camera.Commands.Select(c => c.Name).ToList();
        foreach (var bracket in CameraBrackets.Parse(prompt).Where(b => b.Closed))
        {
            if (bracket.Commands.Count > camera.MaxPerBracket)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.TooManyCameraCommands, location, bracket.Text, bracket.Commands.Count.ToString(CultureInfo.InvariantCulture), camera.MaxPerBracket.ToString(CultureInfo.InvariantCulture)));
            }

            foreach (var command in bracket.Commands.Where(c => !known.Any(k => string.Equals(k, c, System.StringComparison.OrdinalIgnoreCase))))
            {
                report(Diagnostic.Create(DiagnosticDescriptors.UnknownCameraCommand, location, bracket.Text, command, string.Join(", ", known)));
            }
        }
    }
}
