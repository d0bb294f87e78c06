using Hailuo.Testing;
using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string> Ids() => new(DiagnosticCatalog.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_has_a_docs_page_and_a_release_entry(string id)
    {
        var descriptor = DiagnosticCatalog.Find(id)!;
        var page = Path.Combine(RepositoryRoot.Path, "docs", "diagnostics", id + ".md");
        var releases = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "generators", "Hailuo.Contracts.Generators", "AnalyzerReleases.Unshipped.md"));

        Assert.True(File.Exists(page), $"docs/diagnostics/{id}.md is missing");
        Assert.StartsWith($"# {id}: {descriptor.Title}", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", releases, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_unique_and_numbered_in_order()
    {
        var spec = DiagnosticCatalog.All.Where(d => d.Category == "Hailuo.Spec").Select(d => d.Id).ToList();
        var usage = DiagnosticCatalog.All.Where(d => d.Category == "Hailuo.Usage").Select(d => d.Id).ToList();

        Assert.Equal(DiagnosticCatalog.All.Length, spec.Count + usage.Count);
        Assert.Equal(Enumerable.Range(1, spec.Count).Select(n => $"HLU{n:0000}"), spec);
        Assert.Equal(Enumerable.Range(1001, usage.Count).Select(n => $"HLU{n:0000}"), usage);
    }
}
