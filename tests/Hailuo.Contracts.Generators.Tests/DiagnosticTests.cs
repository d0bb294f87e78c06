using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

public sealed class DiagnosticTests
{
    private const string Path = "/consumer/broken.hailuo.spec.json";

    // A small sound spec; each case breaks one thing in it.
    private const string Sound = """
        {
          "modes": [
            { "mode": "text-to-video", "images": [], "source": "test" },
            { "mode": "image-to-video", "images": [ { "field": "first_frame_image", "member": "FirstFrame" } ], "source": "test" }
          ],
          "resolutions": [
            { "name": "768p", "member": "R768p", "width": 1366, "height": 768, "source": "test" },
            { "name": "1080p", "member": "R1080p", "width": 1920, "height": 1080, "source": "test" }
          ],
          "providers": [
            {
              "name": "Acme",
              "member": "Acme",
              "dialect": "apimart",
              "baseUrl": "https://acme.example",
              "apiKeyEnvironmentVariable": "ACME_KEY",
              "defaults": { "resolution": "768p", "duration": 5, "source": "test" },
              "source": "test",
              "models": [
                {
                  "id": "Acme-1",
                  "member": "Acme1",
                  "source": "test",
                  "prices": { "768p": 0.04, "1080p": 0.08, "source": "test" },
                  "modes": [
                    { "mode": "text-to-video", "matrix": { "768p": [ 5, 10 ], "1080p": [ 5 ] }, "source": "test" }
                  ]
                }
              ]
            }
          ]
        }
        """;

    private const string Model = """
                {
                  "id": "Acme-1",
                  "member": "Acme1",
                  "source": "test",
                  "prices": { "768p": 0.04, "1080p": 0.08, "source": "test" },
                  "modes": [
                    { "mode": "text-to-video", "matrix": { "768p": [ 5, 10 ], "1080p": [ 5 ] }, "source": "test" }
                  ]
                }
        """;

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // id, what is broken, replace this, with this, the diagnostic starts at this text of the broken spec
        { "HLU0001", "a missing comma", "\"dialect\": \"apimart\",", "\"dialect\": \"apimart\"", "\"baseUrl\"" },
        { "HLU0001", "an unterminated string", "\"source\": \"test\" }\n  ],", "\"source\": \"test }\n  ],", "\"test }" },
        { "HLU0002", "a provider without dialect", "\"dialect\": \"apimart\",\n", string.Empty, "{\n      \"name\": \"Acme\"" },
        { "HLU0003", "a duration written as text", "\"duration\": 5,", "\"duration\": \"5\",", "\"5\"" },
        { "HLU0004", "an unknown resolution in a matrix", "\"1080p\": [ 5 ] }", "\"1440p\": [ 5 ] }", "\"1440p\"" },
        { "HLU0004", "an unknown default resolution", "\"resolution\": \"768p\"", "\"resolution\": \"720p\"", "\"720p\"" },
        { "HLU0005", "an empty matrix", "\"matrix\": { \"768p\": [ 5, 10 ], \"1080p\": [ 5 ] }", "\"matrix\": { }", "{ }" },
        { "HLU0005", "a resolution without durations", "\"1080p\": [ 5 ] }", "\"1080p\": [ ] }", "[ ] }" },
        { "HLU0006", "a duplicate model", Model, Model.TrimEnd() + ",\n" + Model.Replace("\"Acme1\"", "\"Acme2\"", StringComparison.Ordinal), "\"Acme-1\",\n          \"member\": \"Acme2\"" },
        { "HLU0006", "a duplicate duration", "[ 5, 10 ]", "[ 5, 10, 5 ]", "5 ]," },
        { "HLU0007", "a missing price", "\"prices\": { \"768p\": 0.04, \"1080p\": 0.08, \"source\": \"test\" }", "\"prices\": { \"768p\": 0.04, \"source\": \"test\" }", "{ \"768p\": 0.04, \"source\"" },
        { "HLU0008", "an unknown mode", "\"mode\": \"text-to-video\", \"matrix\"", "\"mode\": \"text-to-audio\", \"matrix\"", "\"text-to-audio\"" },
        { "HLU0008", "an unknown image field of a mode", "\"first_frame_image\"", "\"end_frame_image\"", "\"end_frame_image\"" },
        { "HLU0008", "an unknown dialect", "\"apimart\"", "\"soap\"", "\"soap\"" },
        { "HLU0009", "a member that is not a C# name", "\"member\": \"Acme1\"", "\"member\": \"1Acme\"", "\"1Acme\"" },
        { "HLU0010", "a base URL that is not http", "\"https://acme.example\"", "\"ftp://acme.example\"", "\"ftp://acme.example\"" },
        { "HLU0010", "a zero duration", "[ 5, 10 ]", "[ 0, 10 ]", "0, 10 ]" },
        { "HLU0010", "images that make a request another mode", "{ \"field\": \"first_frame_image\", \"member\": \"FirstFrame\" }", "{ \"field\": \"subject_reference\", \"member\": \"Subject\" }", "[ { \"field\": \"subject_reference\"" },
        { "HLU0011", "a misspelt property", "\"source\": \"test\",\n      \"models\"", "\"sauce\": \"test\",\n      \"source\": \"test\",\n      \"models\"", "\"sauce\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_broken_spec_reports_its_diagnostic_at_the_place_in_the_json(string id, string broken, string find, string replace, string at)
    {
        var spec = Normalize(Sound);
        Assert.Contains(Normalize(find), spec, StringComparison.Ordinal);
        spec = spec.Replace(Normalize(find), Normalize(replace), StringComparison.Ordinal);

        var result = GeneratorHarness.Run(spec, Path);

        Assert.Null(result.Exception);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == id);
        var expected = SourceText.From(spec).Lines.GetLinePosition(spec.IndexOf(Normalize(at), StringComparison.Ordinal));
        var actual = diagnostic.Location.GetLineSpan();
        Assert.Equal(Path, actual.Path);
        Assert.True(expected == actual.StartLinePosition, $"{broken}: expected {id} at {expected}, got {actual.StartLinePosition}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.Equal(id == "HLU0011" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void The_sound_spec_reports_nothing_and_generates_its_model()
    {
        var result = GeneratorHarness.Run(Normalize(Sound), Path);

        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "BrokenHailuo.Acme.Acme1.g.cs");
    }

    [Fact]
    public void A_mode_no_spec_defines_is_reported_and_one_the_packaged_spec_defines_is_not()
    {
        var spec = Normalize(Sound);
        spec = spec.Remove(spec.IndexOf("  \"modes\"", StringComparison.Ordinal), spec.IndexOf("  \"resolutions\"", StringComparison.Ordinal) - spec.IndexOf("  \"modes\"", StringComparison.Ordinal));

        var alone = Assert.Single(GeneratorHarness.Run(spec, Path).Diagnostics);
        var beside = GeneratorHarness.RunBesideShipped(spec, Path);

        Assert.Equal((DiagnosticSeverity.Warning, "HLU0012"), (alone.Severity, alone.Id));
        Assert.Equal("Model 'Acme-1' offers the mode 'text-to-video', which neither this spec's 'modes' nor a packaged spec defines; its builder has no entry for it", alone.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(beside.Diagnostics);
        Assert.Contains("TextToVideo(global::Hailuo.Contracts.Prompt prompt)", beside.GeneratedSources.Single(s => s.HintName == "BrokenHailuo.Acme.Acme1.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_with_errors_generates_no_source_but_says_why()
    {
        var result = GeneratorHarness.Run(Normalize(Sound).Replace("\"text-to-video\"", "\"text-to-audio\"", StringComparison.Ordinal), Path);

        Assert.Empty(result.GeneratedSources);
        Assert.NotEmpty(result.Diagnostics);
    }

    [Theory]
    [InlineData("", "HLU0001")]
    [InlineData("[]", "HLU0003")]
    [InlineData("{}", "HLU0002")]
    [InlineData("{ \"providers\": [] }", "HLU0010")]
    [InlineData("{ \"providers\": [ 1 ] }", "HLU0003")]
    [InlineData("{ \"providers\": [] } trailing", "HLU0001")]
    public void Degenerate_specs_are_reported_not_thrown(string spec, string id)
    {
        var result = GeneratorHarness.Run(spec, Path);

        Assert.Null(result.Exception);
        Assert.Contains(result.Diagnostics, d => d.Id == id);
    }

    [Fact]
    public void Messages_name_the_place_the_value_and_what_is_allowed()
    {
        var spec = Normalize(Sound).Replace("\"1080p\": [ 5 ] }", "\"1440p\": [ 5 ] }", StringComparison.Ordinal);

        var message = Assert.Single(GeneratorHarness.Run(spec, Path).Diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("'providers[Acme].models[Acme-1].modes[text-to-video].matrix' names the resolution '1440p', which the spec does not define; known resolutions: 768p, 1080p", message);
    }

    [Theory]
    [InlineData("\"pending\": \"queued\"", "\"pending\": \"waiting\"", "HLU0008", "\"waiting\"")]
    [InlineData("\"1026\": \"content-policy\"", "\"E1026\": \"content-policy\"", "HLU0010", "\"E1026\"")]
    [InlineData("\"typicalRenderSeconds\": [ 30, 90 ]", "\"typicalRenderSeconds\": [ 30 ]", "HLU0010", "[ 30 ]")]
    public void Broken_dialect_and_timing_facts_are_reported_where_they_are(string find, string replace, string id, string at)
    {
        var spec = GeneratorHarness.ShippedSpec.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(GeneratorHarness.ShippedSpec, spec);

        var diagnostic = Assert.Single(GeneratorHarness.Run(spec, Path).Diagnostics);

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(SourceText.From(spec).Lines.GetLinePosition(spec.IndexOf(at, StringComparison.Ordinal)), diagnostic.Location.GetLineSpan().StartLinePosition);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
