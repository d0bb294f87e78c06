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
        DiagnosticDescriptors.PromptTooLong,
        DiagnosticDescriptors.UnclosedCameraBracket);

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
                .Select(file => SpecCache.Model(file.Path, file.GetText(start.CancellationToken)?.ToString() ?? string.Empty, start.CancellationToken))
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

    /// <summary>Reports what the spec forbids in one request's constant values.</summary>
    internal static void Analyze(System.Action<Diagnostic> report, ConstantRequest request, UsageFacts facts)
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

    /// <summary>A pair is flagged only when no provider that offers the model allows it; the rule core decides each provider's verdict.</summary>
    private static (string Message, Location Location)? PairProblem(ConstantRequest request, IReadOnlyList<(ProviderModel Provider, ModelModel Model)> offers)
    {
        if (request.Resolution is not { } resolution || !request.ModeKnown)
        {
            return null;
        }

        var mode = request.Mode().ToWireName();
        var verdicts = new (MatrixVerdict Verdict, MatrixRowModel? Row)[offers.Count];
        for (var i = 0; i < offers.Count; i++)
        {
            IReadOnlyList<MatrixRowModel>? rows = ModeOf(offers[i].Model, mode)?.Matrix;
            verdicts[i] = MatrixRule.Judge(rows, r => r.Resolution, r => r.Durations, resolution.Value, request.Duration?.Value);
            if (verdicts[i].Verdict == MatrixVerdict.Allowed)
            {
                return null;
            }
        }

        // Only a flagged request (one in ten in the benchmark) pays for the message's words.
        var allowed = new List<string>();
        var durationsOnly = true;
        for (var i = 0; i < offers.Count; i++)
        {
            var (provider, model) = offers[i];
            var (verdict, row) = verdicts[i];
            if (verdict == MatrixVerdict.DurationNotAllowed)
            {
                allowed.Add(provider.Name + ": " + string.Join(" or ", row!.Durations.Select(d => d.ToString(CultureInfo.InvariantCulture))) + " s at " + row.Resolution);
            }
            else
            {
                durationsOnly = false;
                allowed.Add(provider.Name + ": " + Describe(model, mode));
            }
        }

        var id = request.Model!.Value.Value;
        if (request.Duration is { } seconds && durationsOnly)
        {
            return ($"'duration' is {seconds.Value.ToString(CultureInfo.InvariantCulture)} at {resolution.Value}, which {id} {mode} does not allow; allowed: {string.Join("; ", allowed)}", seconds.Location);
        }

        return ($"'resolution' is '{resolution.Value}', which {id} {mode} does not offer with this duration; allowed: {string.Join("; ", allowed)}", resolution.Location);
    }

    /// <summary>The model's entry for the mode word, or null; a loop, where a lambda would capture the word per request.</summary>
    private static ModeModel? ModeOf(ModelModel model, string mode)
    {
        foreach (var entry in model.Modes)
        {
            if (entry.Mode == mode)
            {
                return entry;
            }
        }

        return null;
    }

    private static string Describe(ModelModel model, string mode)
    {
        var entry = ModeOf(model, mode);
        return entry is null
            ? "no " + mode
            : string.Join(", ", entry.Matrix.Select(r => r.Resolution + " (" + string.Join(", ", r.Durations.Select(d => d.ToString(CultureInfo.InvariantCulture))) + " s)"));
    }

    private static void AnalyzePrompt(System.Action<Diagnostic> report, string prompt, Location location, UsageFacts facts)
    {
        if (facts.MaxPromptLength is { } max && PromptRule.TooLong(prompt, max) is { } length)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.PromptTooLong, location, length.ToString("N0", CultureInfo.InvariantCulture), max.ToString("N0", CultureInfo.InvariantCulture)));
        }

        if (facts.Camera is not { } camera)
        {
            return;
        }

        var known = facts.CameraCommands;
        var problems = CameraRule.Problems(prompt, known, camera.MaxPerBracket);
        for (var i = 0; i < problems.Count; i++)
        {
            var problem = problems[i];
            var bracket = problem.Bracket;
            report(problem.Kind switch
            {
                CameraProblemKind.Unclosed => Diagnostic.Create(DiagnosticDescriptors.UnclosedCameraBracket, location, bracket.Number.ToString(CultureInfo.InvariantCulture), bracket.Text),
                CameraProblemKind.TooMany => Diagnostic.Create(DiagnosticDescriptors.TooManyCameraCommands, location, bracket.Text, bracket.Commands.Count.ToString(CultureInfo.InvariantCulture), camera.MaxPerBracket.ToString(CultureInfo.InvariantCulture)),
                _ => Diagnostic.Create(DiagnosticDescriptors.UnknownCameraCommand, location, bracket.Text, problem.Command, string.Join(", ", known)),
            });
        }
    }
}
