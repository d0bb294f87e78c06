using System.Text.Json.Nodes;
using Hailuo.Testing;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

/// <summary>The JSON Schema beside the spec accepts the spec and catches what editors should flag.</summary>
public sealed class SpecSchemaTests
{
    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public async Task The_shipped_spec_and_a_consumer_spec_satisfy_the_schema()
    {
        var (exit, output) = await Check(Path.Combine(Root, "spec", "hailuo.spec.json"), Path.Combine(Root, "tests", "Hailuo.Contracts.Generators.Tests", "Specs", "contoso.hailuo.spec.json"));

        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task The_schema_rejects_a_fact_without_source_and_a_misspelt_property()
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "spec", "hailuo.spec.json")))!;
        var mode = spec["providers"]![0]!["models"]![0]!["modes"]![0]!.AsObject();
        mode.Remove("source");
        mode["matrixx"] = new JsonObject();
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.hailuo.spec.json");
        await File.WriteAllTextAsync(broken, spec.ToJsonString());

        try
        {
            var (exit, output) = await Check(broken);

            Assert.Equal(1, exit);
            Assert.Contains("/providers/0/models/0/modes/0 must have required property 'source'", output, StringComparison.Ordinal);
            Assert.Contains("must NOT have additional properties 'matrixx'", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static async Task<(int Exit, string Output)> Check(params string[] files)
    {
        var checker = Path.Combine(Root, "tools", "spec-schema");
        Assert.True(Directory.Exists(Path.Combine(checker, "node_modules", "ajv")), "Ajv is not installed: run 'npm ci --prefix tools/spec-schema' (.ci/run does).");
        var arguments = new[] { Path.Combine(checker, "check.mjs"), Path.Combine(Root, "spec", "hailuo.spec.schema.json") }.Concat(files);
        return await ProcessRunner.RunAsync("node", arguments, Root, TimeSpan.FromMinutes(1));
    }
}
