using System.Text.Json.Nodes;
using Hailuo.Testing;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

public sealed class SnapshotTests
{
    [Fact]
    public void Generated_source_of_the_shipped_spec_matches_the_verified_snapshots()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.ShippedSpec);

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var failures = new List<string>();
        foreach (var source in result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            var hint = source.HintName[..^".cs".Length];
            try
            {
                Snapshot.Verify("//HintName: " + source.HintName + "\n" + source.SourceText, "cs", hint);
            }
            catch (SnapshotMismatchException e)
            {
                failures.Add(e.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public void Every_verified_snapshot_belongs_to_a_generated_file()
    {
        var hints = GeneratorHarness.Run(GeneratorHarness.ShippedSpec).GeneratedSources.Select(s => s.HintName[..^".cs".Length]).ToHashSet();
        var prefix = nameof(SnapshotTests) + "." + nameof(Generated_source_of_the_shipped_spec_matches_the_verified_snapshots) + "#";
        var directory = Path.Combine(RepositoryRoot.Path, "tests", "Hailuo.Contracts.Generators.Tests");

        var stale = Directory.GetFiles(directory, prefix + "*.verified.cs")
            .Select(f => Path.GetFileName(f)[prefix.Length..^".verified.cs".Length])
            .Where(h => !hints.Contains(h))
            .ToList();

        Assert.Empty(stale);
        Assert.NotEmpty(hints);
    }

    [Fact]
    public void Output_does_not_depend_on_the_order_of_providers_models_and_modes_in_the_spec()
    {
        var reordered = JsonNode.Parse(GeneratorHarness.ShippedSpec)!;
        Reverse(reordered["providers"]!.AsArray());
        foreach (var provider in reordered["providers"]!.AsArray())
        {
            Reverse(provider!["models"]!.AsArray());
            foreach (var model in provider["models"]!.AsArray())
            {
                Reverse(model!["modes"]!.AsArray());
            }
        }

        var original = GeneratorHarness.Run(GeneratorHarness.ShippedSpec).GeneratedSources;
        var shuffled = GeneratorHarness.Run(reordered.ToJsonString()).GeneratedSources;

        Assert.Equal(original.Select(s => s.HintName), shuffled.Select(s => s.HintName));
        Assert.Equal(original.Select(s => s.SourceText.ToString()), shuffled.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void Generated_files_come_spec_wide_first_then_model_by_model_each_ordered_by_hint_name()
    {
        var hints = GeneratorHarness.Run(GeneratorHarness.ShippedSpec).GeneratedSources.Select(s => s.HintName).ToList();
        var models = ModelUnit.All(SpecParser.Parse(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec, default).Model)
            .Select(u => SpecEmitter.EmitModel(u).Select(f => f.HintName).ToList()).ToList();
        var specWide = hints.Take(hints.Count - models.Sum(m => m.Count)).ToList();

        Assert.Equal(specWide.OrderBy(h => h, StringComparer.Ordinal), specWide);
        Assert.Equal(models.SelectMany(m => m), hints.Skip(specWide.Count));
        Assert.All(models, m => Assert.Equal(m.OrderBy(h => h, StringComparer.Ordinal), m));
    }

    private static void Reverse(JsonArray array)
    {
        var items = array.ToList();
        array.Clear();
        for (var i = items.Count - 1; i >= 0; i--)
        {
            array.Add(items[i]);
        }
    }
}
