using System.Text.Json;
using System.Text.Json.Nodes;
using Hailuo.Testing;
using Json.Schema;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

/// <summary>The JSON Schema beside the spec accepts the spec and catches what editors should flag.</summary>
public sealed class SpecSchemaTests
{
    private static readonly string Root = RepositoryRoot.Path;

    // Built once: JsonSchema.Net registers a schema by its $id and refuses a second one.
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(Root, "spec", "hailuo.spec.schema.json"));

    [Fact]
    public void The_shipped_spec_and_a_consumer_spec_satisfy_the_schema()
    {
        foreach (var file in new[] { Path.Combine(Root, "spec", "hailuo.spec.json"), Path.Combine(Root, "tests", "Hailuo.Contracts.Generators.Tests", "Specs", "contoso.hailuo.spec.json") })
        {
            var errors = Errors(File.ReadAllText(file));

            Assert.True(errors.Count == 0, file + ":\n" + string.Join('\n', errors));
        }
    }

    [Fact]
    public void The_storyboard_schema_accepts_the_example_storyboard_and_rejects_an_unknown_field()
    {
        var schema = JsonSchema.FromFile(Path.Combine(Root, "spec", "storyboard.schema.json"));
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "docs", "examples", "storyboard.json")))!;
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };

        var accepted = schema.Evaluate(JsonDocument.Parse(example.ToJsonString()).RootElement, options).IsValid;
        example["shots"]![0]!["zoom"] = 2;
        var rejected = schema.Evaluate(JsonDocument.Parse(example.ToJsonString()).RootElement, options).IsValid;

        Assert.Equal((true, false), (accepted, rejected));
    }

    [Fact]
    public void The_schema_rejects_a_fact_without_source_and_a_misspelt_property()
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "spec", "hailuo.spec.json")))!;
        var mode = spec["providers"]![0]!["models"]![0]!["modes"]![0]!.AsObject();
        mode.Remove("source");
        mode["matrixx"] = new JsonObject();

        var errors = Errors(spec.ToJsonString());

        Assert.Contains(errors, e => e.StartsWith("/providers/0/models/0/modes/0: Required properties [\"source\"] are not present", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/providers/0/models/0/modes/0/matrixx: ", StringComparison.Ordinal) && e.EndsWith("/additionalProperties)", StringComparison.Ordinal));
    }

    /// <summary>Each schema error as "instance path: message (schema path)", evaluated in-process with JsonSchema.Net.</summary>
    private static List<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = new List<string>();
        foreach (var result in results.Details ?? new List<EvaluationResults>())
        {
            foreach (var message in result.Errors?.Values ?? Enumerable.Empty<string>())
            {
                errors.Add($"{result.InstanceLocation}: {message} (schema {result.EvaluationPath})");
            }
        }

        return errors;
    }
}
