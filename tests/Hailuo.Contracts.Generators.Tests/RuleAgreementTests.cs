using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

/// <summary>
/// The analyzer and the generated validators judge the same requests alike: every model x mode x resolution x
/// duration of the spec, allowed and forbidden, and prompts with camera brackets, each request a constant in one method.
/// </summary>
public sealed class RuleAgreementTests
{
    private static readonly string[] MatrixCodes = { ValidationCodes.Mode, ValidationCodes.Resolution, ValidationCodes.ResolutionDuration };

    [Fact]
    public async Task Every_matrix_cell_of_the_spec_is_allowed_or_refused_alike_by_the_analyzer_and_the_validators()
    {
        var requests = MatrixRequests().ToList();
        var flagged = await FlaggedLines(requests.Select(r => r.Initializer), "HLU1002");
        var disagreements = new List<string>();
        var refused = 0;
        foreach (var (request, line) in requests.Select((r, i) => (r, i)))
        {
            // An untyped request names no provider: the analyzer flags it when no provider offering the model allows it.
            var validatorRefuses = request.Providers.All(p => HailuoValidators.For(p)!.Validate(request.Value).Errors.Any(e => MatrixCodes.Contains(e.ErrorCode)));
            refused += validatorRefuses ? 1 : 0;
            if (validatorRefuses != flagged.ContainsKey(line))
            {
                disagreements.Add($"{request.Initializer}: validators {(validatorRefuses ? "refuse" : "allow")}, analyzer {(flagged.ContainsKey(line) ? "flags" : "is silent")}");
            }
        }

        Assert.True(disagreements.Count == 0, disagreements.Count + " of " + requests.Count + " requests judged differently:\n" + string.Join("\n", disagreements));
        Assert.InRange(refused, 1, requests.Count - 1);
    }

    public static TheoryData<string> Prompts => new()
    {
        "A cat [Pan left]",
        "A cat [pan LEFT, Zoom in]",
        "A cat [Orbit right]",
        "A cat [Pan left, Zoom in, Shake, Tilt up]",
        "A cat [Pan left,]",
        "A cat [Pan left",
        "A cat [Pan left [Zoom in]",
        "[Orbit, Spin, Pan left, Roll] then [Zoom in]",
        new string('a', 2001),
        new string('a', 1990) + " [Orbit]",
    };

    [Theory]
    [MemberData(nameof(Prompts))]
    public async Task Prompt_and_camera_problems_are_found_alike_by_the_analyzer_and_the_validators(string prompt)
    {
        var initializer = "Model = \"MiniMax-Hailuo-02\", Prompt = " + Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(prompt, quote: true);
        var diagnostics = (await Analyze(Source(new[] { initializer }))).Select(d => d.Id).Where(id => id is "HLU1003" or "HLU1004" or "HLU1005" or "HLU1006").ToList();
        var request = new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = prompt };
        var failures = HailuoValidators.For("MiniMax")!.Validate(request).Errors;

        Assert.Equal(failures.Count(f => f.ErrorCode == ValidationCodes.Camera), diagnostics.Count(id => id != "HLU1005"));
        Assert.Equal(failures.Count(f => f.ErrorCode == ValidationCodes.Prompt), diagnostics.Count(id => id == "HLU1005"));
    }

    private static IEnumerable<MatrixRequest> MatrixRequests()
    {
        using var spec = JsonDocument.Parse(GeneratorHarness.ShippedSpec);
        var resolutions = spec.RootElement.GetProperty("resolutions").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToList();
        var offers = spec.RootElement.GetProperty("providers").EnumerateArray()
            .SelectMany(p => p.GetProperty("models").EnumerateArray().Select(m => (Provider: p.GetProperty("name").GetString()!, Model: m.GetProperty("id").GetString()!)))
            .GroupBy(o => o.Model, o => o.Provider);
        var durations = SpecCells.CandidateDurations;
        foreach (var offer in offers)
        {
            foreach (var mode in Enum.GetValues<VideoMode>())
            {
                foreach (var resolution in resolutions)
                {
                    foreach (var duration in durations)
                    {
                        var seconds = duration.ToString(CultureInfo.InvariantCulture);
                        var initializer = $"Model = \"{offer.Key}\", Mode = VideoMode.{mode}, Resolution = \"{resolution}\", Duration = {seconds}, Prompt = \"x\"";
                        var value = new VideoGenerationRequest { Model = offer.Key, Mode = mode, Resolution = resolution, Duration = duration, Prompt = "x" };
                        yield return new MatrixRequest(initializer, value, offer.ToList());
                    }
                }
            }
        }
    }

    /// <summary>The requests' lines (0 for the first) that got a diagnostic with this id.</summary>
    private static async Task<Dictionary<int, Diagnostic>> FlaggedLines(IEnumerable<string> initializers, string id)
    {
        var diagnostics = await Analyze(Source(initializers));
        return diagnostics.Where(d => d.Id == id).ToDictionary(d => d.Location.GetLineSpan().StartLinePosition.Line - FirstLine);
    }

    private const int FirstLine = 5;

    private static string Source(IEnumerable<string> initializers)
    {
        var source = new StringBuilder("using Hailuo.Contracts;\nclass C\n{\n    object[] M() => new object[]\n    {\n");
        foreach (var initializer in initializers)
        {
            source.Append("        new VideoGenerationRequest { ").Append(initializer).Append(" },\n");
        }

        return source.Append("    };\n}\n").ToString();
    }

    private static async Task<ImmutableArray<Diagnostic>> Analyze(string source)
    {
        var compilation = GeneratorHarness.Compilation(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var files = ImmutableArray.Create<AdditionalText>(new SpecFile(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec));
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RequestAnalyzer()), new AnalyzerOptions(files)).GetAnalyzerDiagnosticsAsync();
    }

    private sealed record MatrixRequest(string Initializer, VideoGenerationRequest Value, IReadOnlyList<string> Providers);
}
