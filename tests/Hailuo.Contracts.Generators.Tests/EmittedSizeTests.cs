using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

/// <summary>Issue 20.3: the code emitted for one model stays small enough to read and to compile quickly.</summary>
public sealed class EmittedSizeTests
{
    private const int MaxCharactersPerModel = 8_000;

    public static TheoryData<string, string> Specs => new()
    {
        { GeneratorHarness.ShippedSpecPath, "shipped" },
        { "/consumer/contoso.hailuo.spec.json", "contoso.hailuo.spec.json" },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Each_models_emitted_files_hold_at_most_8000_characters(string path, string spec)
    {
        // A consumer's spec is compiled beside the packaged spec, whose modes its builders take.
        var shipped = spec == "shipped";
        var text = shipped ? GeneratorHarness.ShippedSpec : GeneratorHarness.Spec(spec);
        var run = shipped ? GeneratorHarness.Run(text, path) : GeneratorHarness.RunBesideShipped(text, path);
        var generated = run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var packaged = shipped ? default : SpecParser.Parse(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec, default).Model!.ModeInputs;
        var units = ModelUnit.All(SpecParser.Parse(path, text, default).Model, packaged);

        Assert.NotEmpty(units);
        var tooLarge = new List<string>();
        foreach (var unit in units)
        {
            var files = SpecEmitter.EmitModel(unit);
            Assert.All(files, f => Assert.Equal(f.Text, generated[f.HintName]));
            var size = files.Sum(f => f.Text.Length);
            if (size > MaxCharactersPerModel)
            {
                tooLarge.Add($"{unit.ProviderMember}.{unit.Model.Member}: {size} characters in {string.Join(", ", files.Select(f => f.HintName))}");
            }
        }

        Assert.True(tooLarge.Count == 0, $"models over {MaxCharactersPerModel} characters:\n{string.Join("\n", tooLarge)}");
    }

    [Fact]
    public void Builders_carry_no_price_the_catalog_already_holds()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.ShippedSpec);
        var builders = result.GeneratedSources.Where(s => s.HintName.StartsWith("Hailuo.ApiMart.", StringComparison.Ordinal) || s.HintName.StartsWith("Hailuo.MiniMax.", StringComparison.Ordinal))
            .Where(s => !s.HintName.EndsWith(".Validator.g.cs", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(builders);
        Assert.All(builders, b => Assert.DoesNotMatch(@"\d\.\d+m\b|\$\d|dollars", b.SourceText.ToString()));
    }
}
