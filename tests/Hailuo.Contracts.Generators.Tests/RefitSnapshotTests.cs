using Hailuo.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

/// <summary>A consumer's spec names a dialect without its endpoint lines: its Refit interface comes from the packaged spec's lines.</summary>
public sealed class RefitSnapshotTests
{
    private const string ConsumerPath = "/consumer/contoso.hailuo.spec.json";

    [Fact]
    public void A_consumer_spec_gets_its_own_Refit_interface_and_implementation_from_the_packaged_dialect_lines()
    {
        var result = GeneratorHarness.RunBesideShipped(GeneratorHarness.Spec("contoso.hailuo.spec.json"), ConsumerPath);

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var refit = result.GeneratedSources.Where(s => s.HintName.Contains("VideoApi", StringComparison.Ordinal) || s.HintName.Contains("Refit", StringComparison.Ordinal) || s.HintName.EndsWith("Catalog.g.cs", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, refit.Count);
        foreach (var source in refit)
        {
            Snapshot.Verify("//HintName: " + source.HintName + "\n" + source.SourceText, "cs", source.HintName[..^".cs".Length]);
        }
    }

    [Fact]
    public void Without_the_packaged_spec_a_consumer_provider_gets_no_interface_and_its_catalog_still_compiles()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("contoso.hailuo.spec.json"), ConsumerPath);

        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.Contains("VideoApi", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.CompileWith(GeneratorHarness.Spec("contoso.hailuo.spec.json"), ConsumerPath).Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void The_consumer_interface_and_implementation_compile_without_warnings_beside_a_hand_written_Refit_interface()
    {
        const string handWritten = """
            namespace Contoso.Video;

            public interface IOwnApi
            {
                [Refit.Get("/health")]
                System.Threading.Tasks.Task<Refit.ApiResponse<string>> HealthAsync(System.Threading.CancellationToken cancellationToken = default);
            }
            """;
        var shipped = new SpecFile("/package/spec/hailuo.spec.json", GeneratorHarness.ShippedSpec);
        var consumer = new SpecFile(ConsumerPath, GeneratorHarness.Spec("contoso.hailuo.spec.json"));
        GeneratorHarness.Driver(consumer, shipped).WithUpdatedAnalyzerConfigOptions(new MetadataOptions(shipped, "false"))
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(handWritten), out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.GetTypeByMetadataName("Contoso.Video.IContosoVideoApi"));
    }
}
