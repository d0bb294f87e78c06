using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

public sealed class AnalyzerTests
{
    private const string Prefix = "using Hailuo.Contracts;\nclass C\n{\n    object M() => new VideoGenerationRequest { ";
    private const string Suffix = " };\n}\n";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // id, the initializer, the text the diagnostic points at, a part of its message
        { "HLU1001", "Model = \"MiniMax-Hailuo-04\", Prompt = \"x\"", "\"MiniMax-Hailuo-04\"", "'model' is 'MiniMax-Hailuo-04', which no provider of the spec offers; allowed: I2V-01, I2V-01-Director, I2V-01-live, MiniMax-Hailuo-02, MiniMax-Hailuo-03, MiniMax-Hailuo-2.3, MiniMax-Hailuo-2.3-Fast, S2V-01, T2V-01, T2V-01-Director" },
        { "HLU1002", "Model = \"MiniMax-Hailuo-02\", Resolution = \"1080p\", Duration = 10", "10 }", "'duration' is 10 at 1080p, which MiniMax-Hailuo-02 text-to-video does not allow; allowed: APIMart: 5 s at 1080p; MiniMax: 6 s at 1080p" },
        { "HLU1002", "Model = \"MiniMax-Hailuo-2.3\", Resolution = \"512p\", Duration = 6", "\"512p\"", "'resolution' is '512p', which MiniMax-Hailuo-2.3 text-to-video does not offer with this duration; allowed: MiniMax: 768p (6, 10 s), 1080p (6 s)" },
        { "HLU1002", "Model = \"MiniMax-Hailuo-2.3-Fast\", Resolution = \"768p\"", "\"768p\"", "MiniMax: no text-to-video" },
        { "HLU1003", "Model = \"MiniMax-Hailuo-02\", Prompt = \"A product [Orbit right]\"", "\"A product [Orbit right]\"", "The prompt's camera bracket '[Orbit right]' has the unknown command 'Orbit right'; allowed: Truck left, " },
        { "HLU1004", "Prompt = \"[Pan left, Pan right, Zoom in, Shake]\"", "\"[Pan left, Pan right, Zoom in, Shake]\"", "has 4 commands; at most 3 are allowed in one bracket" },
        { "HLU1005", "Prompt = \"" + new string('a', 2001) + "\"", "\"aaaa", "The prompt has 2,001 characters; at most 2,000 are allowed" },
        { "HLU1006", "Prompt = \"A cat [Pan left\"", "\"A cat [Pan left\"", "The prompt's camera bracket 1 '[Pan left' has no closing ']'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Constant_values_the_spec_forbids_are_reported_where_they_are_written(string id, string initializer, string at, string message)
    {
        var source = Prefix + initializer + Suffix;

        var diagnostics = await Analyze(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(source.IndexOf(at, Prefix.Length, StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Theory]
    [InlineData("Model = \"MiniMax-Hailuo-02\", Resolution = \"1080p\", Duration = 5, Prompt = \"A cat [Pan left, Zoom in]\"")]
    [InlineData("Model = \"MiniMax-Hailuo-02\", Resolution = \"1080p\", Duration = 6")]
    [InlineData("Model = \"MiniMax-Hailuo-02\", Resolution = \"512p\", Duration = 6, FirstFrameImage = \"https://x.example/a.png\"")]
    [InlineData("Model = \"MiniMax-Hailuo-2.3-Fast\", Resolution = \"768p\", Duration = 10, FirstFrameImage = \"https://x.example/a.png\"")]
    [InlineData("Model = \"MiniMax-Hailuo-02\", Resolution = R, Duration = D, Prompt = P")]
    [InlineData("Model = \"MiniMax-Hailuo-02\", Duration = 10")]
    public async Task Allowed_or_unknown_at_compile_time_values_are_left_alone(string initializer)
    {
        var source = Prefix.Replace("class C\n{\n", "class C\n{\n    static string R = \"1080p\"; static int D = 10; static string P = \"[Orbit]\";\n", StringComparison.Ordinal) + initializer + Suffix;

        Assert.Empty(await Analyze(source));
    }

    private const string BodyPrefix = "using Hailuo.Contracts;\nclass C\n{\n    static VideoMode? M = null;\n    object F()\n    {\n        ";
    private const string BodySuffix = "\n    }\n}\n";

    public static TheoryData<string, string, string, string> AssignmentCases => new()
    {
        // id, the method body, the text the diagnostic points at, a part of its message
        { "HLU1002", "var r = new VideoGenerationRequest { Model = \"MiniMax-Hailuo-02\", Resolution = \"1080p\" };\n        r.Duration = 10;\n        return r;", "10;", "'duration' is 10 at 1080p, which MiniMax-Hailuo-02 text-to-video does not allow" },
        { "HLU1002", "var r = new VideoGenerationRequest();\n        r.Model = \"MiniMax-Hailuo-02\";\n        r.Duration = 10;\n        r.Resolution = \"1080p\";\n        return r;", "10;", "allowed: APIMart: 5 s at 1080p; MiniMax: 6 s at 1080p" },
        { "HLU1001", "var r = new VideoGenerationRequest();\n        r.Model = \"MiniMax-Hailuo-04\";\n        return r;", "\"MiniMax-Hailuo-04\"", "which no provider of the spec offers" },
        { "HLU1003", "var r = new VideoGenerationRequest { Model = \"MiniMax-Hailuo-02\" };\n        r.Prompt = \"A product [Orbit right]\";\n        return r;", "\"A product [Orbit right]\"", "the unknown command 'Orbit right'" },
    };

    [Theory]
    [MemberData(nameof(AssignmentCases))]
    public async Task Values_assigned_later_to_the_local_that_holds_the_request_are_checked_with_its_initializer(string id, string body, string at, string message)
    {
        var source = BodyPrefix + body + BodySuffix;

        var diagnostic = Assert.Single(await Analyze(source));

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(source.IndexOf(at, BodyPrefix.Length, StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var r = new VideoGenerationRequest { Model = \"MiniMax-Hailuo-02\", Resolution = \"1080p\" };\n        r.Duration = 10;\n        r.Duration = 6;\n        return r;")]
    [InlineData("var r = new VideoGenerationRequest { Model = \"MiniMax-Hailuo-02\", Resolution = \"1080p\", Duration = 6 };\n        r.Duration += 4;\n        return r;")]
    [InlineData("var r = new VideoGenerationRequest { Model = \"MiniMax-Hailuo-02\", Resolution = \"1080p\" };\n        r = new VideoGenerationRequest();\n        r.Duration = 10;\n        return r;")]
    [InlineData("var r = new VideoGenerationRequest { Model = \"MiniMax-Hailuo-02\", Resolution = \"512p\", Duration = 6, Mode = M };\n        return r;")]
    [InlineData("var r = new VideoGenerationRequest { Model = \"MiniMax-Hailuo-02\", Resolution = \"512p\", Duration = 6 };\n        r.FirstFrameImage = \"https://x.example/a.png\";\n        return r;")]
    public async Task Values_set_twice_changed_in_place_on_a_reassigned_local_or_of_an_unknown_mode_are_left_alone(string body)
    {
        Assert.Empty(await Analyze(BodyPrefix + body + BodySuffix));
    }

    [Fact]
    public async Task Without_a_spec_file_the_analyzer_stays_silent()
    {
        Assert.Empty(await Analyze(Prefix + "Model = \"Nope\"" + Suffix, spec: null));
    }

    [Fact]
    public void A_spec_marked_not_to_generate_generates_nothing_but_stays_visible()
    {
        var spec = new SpecFile(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec);
        var options = new MetadataOptions(spec, "false");

        var result = GeneratorHarness.Driver(spec).WithUpdatedAnalyzerConfigOptions(options).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Assert.Empty(result.GeneratedSources);
        Assert.NotEmpty(GeneratorHarness.Driver(spec).WithUpdatedAnalyzerConfigOptions(new MetadataOptions(spec, "true")).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single().GeneratedSources);
    }

    private static async Task<ImmutableArray<Diagnostic>> Analyze(string source, string? spec = "shipped")
    {
        var files = spec is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new SpecFile(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec));
        var compilation = GeneratorHarness.Compilation(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzed = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RequestAnalyzer()), new AnalyzerOptions(files));
        return await analyzed.GetAnalyzerDiagnosticsAsync();
    }

    [Fact]
    public async Task A_spec_is_parsed_once_per_content_however_many_compilations_read_it()
    {
        // A text no other test uses, so this test's compilations alone decide whether the cache holds it.
        var text = GeneratorHarness.ShippedSpec + new string(' ', 17) + "\n";
        var files = ImmutableArray.Create<AdditionalText>(new SpecFile(GeneratorHarness.ShippedSpecPath, text));

        foreach (var source in new[] { Prefix + "Model = \"A\"" + Suffix, Prefix + "Model = \"B\"" + Suffix })
        {
            var analyzed = GeneratorHarness.Compilation(source).WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RequestAnalyzer()), new AnalyzerOptions(files));
            Assert.Single(await analyzed.GetAnalyzerDiagnosticsAsync());
        }

        Assert.True(SpecCache.Holds(text, out var parses));
        Assert.Equal(1, parses);
    }
}
