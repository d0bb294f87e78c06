using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

public sealed class CachingTests
{
    private static readonly string[] TrackedSteps = { TrackingNames.SpecText, TrackingNames.Parsed, TrackingNames.Diagnostics, TrackingNames.Model, TrackingNames.Outline, TrackingNames.ModelUnits };

    [Fact]
    public void A_second_run_on_unchanged_input_reports_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compilation("class A {}");
        var driver = GeneratorHarness.Driver(new SpecFile(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec));

        driver = driver.RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        AssertNoForbiddenTypes(first);
        AssertAllCached(second);
    }

    [Fact]
    public void An_unrelated_csharp_edit_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compilation("class A {}");
        var driver = GeneratorHarness.Driver(new SpecFile(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec)).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B {}"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCached(result);
    }

    [Fact]
    public void A_whitespace_only_spec_edit_leaves_the_model_unchanged()
    {
        var compilation = GeneratorHarness.Compilation();
        var original = new SpecFile(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec);
        var driver = GeneratorHarness.Driver(original).RunGenerators(compilation);

        var reformatted = new SpecFile(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec.Replace("\n", "\n  ", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(original, reformatted).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, Reason(result, TrackingNames.SpecText));
        Assert.Equal(IncrementalStepRunReason.Unchanged, Reason(result, TrackingNames.Parsed));
        Assert.Equal(IncrementalStepRunReason.Cached, Reason(result, TrackingNames.Model));
    }

    [Fact]
    public void Changing_a_matrix_changes_the_model()
    {
        var compilation = GeneratorHarness.Compilation();
        var original = new SpecFile(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec);
        var driver = GeneratorHarness.Driver(original).RunGenerators(compilation);

        var changed = new SpecFile(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec.Replace("\"1080p\": [ 6 ]", "\"1080p\": [ 6, 10 ]", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, Reason(result, TrackingNames.Model));
    }

    [Fact]
    public void A_one_model_edit_re_emits_only_that_models_files()
    {
        var compilation = GeneratorHarness.Compilation();
        var original = new SpecFile(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec);
        var driver = GeneratorHarness.Driver(original).RunGenerators(compilation);

        var spec = JsonNode.Parse(GeneratorHarness.ShippedSpec)!;
        var fast = spec["providers"]!.AsArray().SelectMany(p => p!["models"]!.AsArray()).Single(m => (string?)m!["id"] == "MiniMax-Hailuo-2.3-Fast")!;
        fast["modes"]![0]!["matrix"]!["768p"] = new JsonArray(6);
        var edited = new SpecFile(GeneratorHarness.ShippedSpecPath, spec.ToJsonString());
        var result = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, Reason(result, TrackingNames.Model));
        Assert.Equal(IncrementalStepRunReason.Unchanged, Reason(result, TrackingNames.Outline));
        var units = result.TrackedSteps[TrackingNames.ModelUnits].SelectMany(s => s.Outputs).ToList();
        Assert.True(units.Count > 10, $"only {units.Count} model units");
        var modified = Assert.Single(units, o => o.Reason != IncrementalStepRunReason.Unchanged);
        Assert.Equal(IncrementalStepRunReason.Modified, modified.Reason);
        Assert.Equal("MiniMax-Hailuo-2.3-Fast", ((ModelUnit)modified.Value).Model.Id);

        // The source outputs: the edited model's files run again, every other model's and the spec-wide ones are cached.
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        var rerun = Assert.Single(outputs, o => o.Reason != IncrementalStepRunReason.Cached);
        Assert.Equal(IncrementalStepRunReason.Modified, rerun.Reason);
        Assert.Equal(units.Count + 2, outputs.Count); // each model's, the outline's and the diagnostics' outputs
    }

    [Fact]
    public void An_edit_to_what_a_mode_carries_re_emits_only_the_models_offering_that_mode()
    {
        var compilation = GeneratorHarness.Compilation();
        var original = new SpecFile(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec);
        var driver = GeneratorHarness.Driver(original).RunGenerators(compilation);

        var spec = JsonNode.Parse(GeneratorHarness.ShippedSpec)!;
        var subject = spec["modes"]!.AsArray().Single(m => (string?)m!["mode"] == "subject-reference")!;
        subject["images"]![0]!["member"] = "Character";
        var edited = new SpecFile(GeneratorHarness.ShippedSpecPath, spec.ToJsonString());
        var result = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Unchanged, Reason(result, TrackingNames.Outline));
        var modified = result.TrackedSteps[TrackingNames.ModelUnits].SelectMany(s => s.Outputs).Where(o => o.Reason != IncrementalStepRunReason.Unchanged).Select(o => (ModelUnit)o.Value).ToList();
        Assert.Equal(new[] { "ApiMart.Hailuo03", "MiniMax.S2V01" }, modified.Select(u => $"{u.ProviderMember}.{u.Model.Member}").OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(modified, u => Assert.Equal("Character", u.Model.Modes.Single(m => m.Mode == "subject-reference").Inputs!.Images.Single().Member));
    }

    [Fact]
    public void Adding_a_second_spec_file_leaves_the_first_files_outputs_cached()
    {
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.Driver(new SpecFile(GeneratorHarness.ShippedSpecPath, GeneratorHarness.ShippedSpec)).RunGenerators(compilation);

        var consumer = new SpecFile("/consumer/contoso.hailuo.spec.json", GeneratorHarness.Spec("contoso.hailuo.spec.json"));
        var result = driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(consumer)).RunGenerators(compilation).GetRunResult().Results.Single();

        var models = result.TrackedSteps[TrackingNames.Model].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(2, models.Count);
        Assert.Contains(IncrementalStepRunReason.Cached, models);
        Assert.Contains(IncrementalStepRunReason.New, models);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "ContosoHailuo.Contoso.Acme1.g.cs");
    }

    private static IncrementalStepRunReason Reason(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).Single();

    private static void AssertAllCached(GeneratorRunResult result)
    {
        foreach (var name in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} was {output.Reason}");
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason);
        }
    }

    /// <summary>Pipeline values must hold no Compilation, symbol or syntax node, or nothing caches.</summary>
    private static void AssertNoForbiddenTypes(GeneratorRunResult result)
    {
        foreach (var step in result.TrackedSteps.Where(s => TrackedSteps.Contains(s.Key)).SelectMany(s => s.Value))
        {
            foreach (var output in step.Outputs)
            {
                Visit(output.Value, step.Name ?? "?", new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void Visit(object? node, string step, HashSet<object> seen)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !seen.Add(node))
        {
            return;
        }

        Assert.False(node is Compilation or ISymbol or SyntaxNode, $"step {step} holds a {node.GetType().Name}");
        var type = node.GetType();
        if (type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            return;
        }

        if (node is IEnumerable items)
        {
            foreach (var item in items)
            {
                Visit(item, step, seen);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Visit(field.GetValue(node), step, seen);
        }
    }
}
