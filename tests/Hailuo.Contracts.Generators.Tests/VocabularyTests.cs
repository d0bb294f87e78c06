using System.Text.Json.Nodes;
using Hailuo.Contracts.Vocabulary;
using Hailuo.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

/// <summary>The mode words, status meanings and error meanings are the schema's: the vocabulary generator emits the C# from its lists.</summary>
public sealed class VocabularyTests
{
    private static readonly string SchemaPath = Path.Combine(RepositoryRoot.Path, "spec", "hailuo.spec.schema.json");

    [Fact]
    public void The_runtimes_modes_statuses_and_error_meanings_are_the_schemas_lists_in_order()
    {
        var defs = JsonNode.Parse(File.ReadAllText(SchemaPath))!["$defs"]!;

        Assert.Equal(Words(defs["mode"]!), VideoModeNames.All);
        Assert.Equal(Words(defs["mode"]!), Enum.GetValues<VideoMode>().Select(m => m.ToWireName()));
        Assert.Equal(Words(defs["statusMeaning"]!), Enum.GetValues<VideoTaskStatus>().Where(s => s != VideoTaskStatus.Unknown).Select(s => s.ToString().ToLowerInvariant()));
        Assert.Equal(Words(defs["errorMeaning"]!), ErrorMeanings.All);
    }

    [Fact]
    public void A_word_added_to_a_schema_list_becomes_a_member_with_its_description_and_its_word()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        schema["$defs"]!["mode"]!["enum"]!.AsArray().Add("storyboard-to-video");
        schema["$defs"]!["mode"]!["enumDescriptions"]!.AsArray().Add("Prompt & shots of a storyboard.");

        var (sources, diagnostics) = Run(schema.ToJsonString());
        var modes = sources.Single(s => s.HintName == "Hailuo.Vocabulary.mode.g.cs").SourceText.ToString();

        Assert.Empty(diagnostics);
        Assert.Contains("    /// <summary>Prompt &amp; shots of a storyboard.</summary>\n    StoryboardToVideo,", modes, StringComparison.Ordinal);
        Assert.Contains("\"subject-reference\", \"storyboard-to-video\" };", modes, StringComparison.Ordinal);
        Assert.DoesNotContain(Compile(sources), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("Text_To_Video", "has the word \"Text_To_Video\"; words are lower-case letters joined by hyphens")]
    [InlineData(null, "\"$defs.mode\" needs an \"enum\" of strings and one \"enumDescriptions\" string per word")]
    public void A_list_that_cannot_name_members_is_reported_and_nothing_is_emitted(string? word, string problem)
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var mode = schema["$defs"]!["mode"]!;
        if (word is null)
        {
            mode.AsObject().Remove("enumDescriptions");
        }
        else
        {
            mode["enum"]![0] = word;
        }

        var (sources, diagnostics) = Run(schema.ToJsonString());

        Assert.Empty(sources);
        Assert.Equal("HLV0001", Assert.Single(diagnostics).Id);
        Assert.Contains(problem, diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static List<string> Words(JsonNode list) => list["enum"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();

    private static (IReadOnlyList<GeneratedSourceResult> Sources, IReadOnlyList<Diagnostic> Diagnostics) Run(string schema)
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new VocabularyGenerator().AsSourceGenerator() }, new[] { new SpecFile("/repo/spec/" + VocabularyGenerator.SchemaFileName, schema) });
        var result = driver.RunGenerators(CSharpCompilation.Create("Words")).GetRunResult().Results.Single();
        return (result.GeneratedSources, result.Diagnostics);
    }

    /// <summary>The emitted files with the hand-written halves of the rule core, as the runtime compiles them.</summary>
    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Compile(IEnumerable<GeneratedSourceResult> sources)
    {
        var core = new[] { "VideoModeNames.cs", "VideoTaskStatusMeanings.cs" }.Select(f => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Hailuo.Contracts", "Rules", f)));
        var trees = sources.Select(s => s.SourceText.ToString()).Concat(core).Select(t => CSharpSyntaxTree.ParseText(t));
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create("Words", trees, platform, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).GetDiagnostics();
    }
}
