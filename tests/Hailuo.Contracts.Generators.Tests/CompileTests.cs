using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

public sealed class CompileTests
{
    private const string Usings = "using Hailuo.Contracts;\n";

    [Fact]
    public void ApiMart_Hailuo02_768p_for_10_seconds_compiles()
    {
        var diagnostics = GeneratorHarness.CompileAgainstRuntime(Usings + """
            class C { TypedVideoRequest M() => Hailuo.Contracts.ApiMart.Hailuo02.TextToVideo(Prompt.Of("A cat").Camera(CameraMove.PanLeft, CameraMove.ZoomIn)).At768p().Seconds10(); }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void ApiMart_Hailuo02_1080p_for_10_seconds_does_not_compile()
    {
        var diagnostics = GeneratorHarness.CompileAgainstRuntime(Usings + """
            class C { TypedVideoRequest M() => Hailuo.Contracts.ApiMart.Hailuo02.TextToVideo(Prompt.Of("A cat")).At1080p().Seconds10(); }
            """);

        var error = Assert.Single(diagnostics);
        Assert.Equal("CS1061", error.Id);
        Assert.Contains("'Hailuo02At1080p' does not contain a definition for 'Seconds10'", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hailuo.Contracts.MiniMax.Hailuo02.TextToVideo(Prompt.Of(\"x\")).At512p()", "CS1061", "At512p")]
    [InlineData("Hailuo.Contracts.MiniMax.Hailuo23Fast.TextToVideo(Prompt.Of(\"x\"))", "CS0117", "TextToVideo")]
    [InlineData("Hailuo.Contracts.MiniMax.Hailuo02.FirstAndLastFrame(Prompt.Of(\"x\"), I, I).At512p()", "CS1061", "At512p")]
    [InlineData("Hailuo.Contracts.ApiMart.Hailuo03.TextToVideo(Prompt.Of(\"x\")).At512p()", "CS1061", "At512p")]
    [InlineData("Hailuo.Contracts.MiniMax.Hailuo02.SubjectReference(Prompt.Of(\"x\"), I)", "CS0117", "SubjectReference")]
    [InlineData("Prompt.Of(\"x\").Camera(CameraMove.PanLeft, CameraMove.PanRight, CameraMove.TiltUp, CameraMove.TiltDown)", "CS1501", "Camera")]
    [InlineData("Prompt.Of(\"x\").Camera(CameraMove.Orbit)", "CS0117", "Orbit")]
    public void What_the_spec_forbids_does_not_compile(string expression, string id, string member)
    {
        var diagnostics = GeneratorHarness.CompileAgainstRuntime(Usings + "class C { static ImageReference I = ImageReference.Parse(\"https://x.example/a.png\"); object M() => " + expression + "; }");

        var error = Assert.Single(diagnostics);
        Assert.Equal(id, error.Id);
        Assert.Contains(member, error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_cell_of_the_spec_compiles_and_every_other_duration_does_not()
    {
        var allowed = new StringBuilder(Usings + "class Allowed { static ImageReference I = ImageReference.Parse(\"https://x.example/a.png\"); void M() {\n");
        var forbidden = new List<string>();
        foreach (var cell in SpecCells.All())
        {
            var start = $"Hailuo.Contracts.{cell.ProviderMember}.{cell.ModelMember}.{cell.ModeMember}({cell.Arguments}).At{cell.Resolution}()";
            foreach (var seconds in SpecCells.CandidateDurations)
            {
                var line = $"_ = {start}.Seconds{seconds}();";
                if (cell.Durations.Contains(seconds))
                {
                    allowed.Append(line).Append('\n');
                }
                else
                {
                    forbidden.Add(line);
                }
            }
        }

        Assert.Empty(GeneratorHarness.CompileAgainstRuntime(allowed.Append("} }").ToString()));
        var errors = GeneratorHarness.CompileAgainstRuntime(Usings + "class Forbidden { static ImageReference I = ImageReference.Parse(\"https://x.example/a.png\"); void M() {\n" + string.Join("\n", forbidden) + "\n} }");
        Assert.Equal(forbidden.Count, errors.Count(e => e.Id == "CS1061"));
        Assert.Equal(forbidden.Count, errors.Length);
    }

    [Fact]
    public void A_consumer_spec_generates_builders_in_its_own_namespace_and_enforces_its_matrix()
    {
        var spec = GeneratorHarness.Spec("contoso.hailuo.spec.json");
        const string Path = "/consumer/contoso.hailuo.spec.json";

        // The package hands the packaged spec to the compiler beside the consumer's: its modes say what each mode carries.
        var ok = GeneratorHarness.CompileBesideShipped(spec, Path, Usings + "class C { TypedVideoRequest M() => Contoso.Video.Contoso.Acme1.TextToVideo(Prompt.Of(\"x\")).At768p().Seconds8(); TypedVideoRequest N() => Contoso.Video.Contoso.Acme1.ImageToVideo(Prompt.Of(\"x\"), firstFrame: ImageReference.Parse(\"https://x.example/a.png\")).At1080p().Seconds5(); }");
        var bad = GeneratorHarness.CompileBesideShipped(spec, Path, Usings + "class C { TypedVideoRequest M() => Contoso.Video.Contoso.Acme1.TextToVideo(Prompt.Of(\"x\")).At1080p().Seconds8(); }");

        Assert.Empty(ok);
        Assert.Equal("CS1061", Assert.Single(bad).Id);
    }

    [Fact]
    public void A_builders_entry_takes_the_images_the_specs_modes_name()
    {
        const string Path = "/consumer/contoso.hailuo.spec.json";
        const string Modes = """
            "modes": [
              { "mode": "text-to-video", "images": [], "source": "contoso contract" },
              { "mode": "image-to-video", "images": [ { "field": "first_frame_image", "member": "Start" } ], "source": "contoso contract" }
            ],
            """;
        var spec = GeneratorHarness.Spec("contoso.hailuo.spec.json").Replace("\"providers\": [", Modes + "\"providers\": [", StringComparison.Ordinal);
        const string Entry = "Contoso.Video.Contoso.Acme1.ImageToVideo(Prompt.Of(\"x\"), {0}: ImageReference.Parse(\"https://x.example/a.png\")).At1080p().Seconds5()";

        var named = GeneratorHarness.CompileWith(spec, Path, Usings + "class C { TypedVideoRequest M() => " + string.Format(CultureInfo.InvariantCulture, Entry, "start") + "; }");
        var other = GeneratorHarness.CompileWith(spec, Path, Usings + "class C { TypedVideoRequest M() => " + string.Format(CultureInfo.InvariantCulture, Entry, "firstFrame") + "; }");

        Assert.Empty(named);
        Assert.Equal("CS1739", Assert.Single(other).Id);
    }
}
