using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

/// <summary>
/// The seam with Refit: our generator emits Refit implementations in the shape of Refit's own generator (which cannot see
/// our output). Refit's generator, loaded from the NuGet cache, implements the same interfaces, and the calls that build
/// each request must agree, so a Refit upgrade that changes the shape fails here instead of at run time.
/// </summary>
public sealed class RefitSeamTests
{
    public static TheoryData<string> Interfaces => new() { "IApiMartVideoApi", "IMiniMaxVideoApi" };

    [Theory]
    [MemberData(nameof(Interfaces))]
    public void Our_implementation_builds_each_request_with_the_calls_Refit_s_own_generator_emits_for_the_same_endpoint_lines(string interfaceName)
    {
        var ours = GeneratorHarness.Run(GeneratorHarness.ShippedSpec).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        // The emitted interface is plain Refit attributes, as a person would write it: handed to Refit's generator as source, in a namespace of its own.
        var handWritten = ours["Hailuo." + interfaceName + ".g.cs"].Replace("namespace Hailuo.Contracts;", "namespace " + RefitSeam.CheckNamespace + ";", StringComparison.Ordinal);
        var refit = RefitSeam.RequestCalls(RefitSeam.RunRefitGenerator(handWritten), interfaceName);
        var mine = RefitSeam.RequestCalls(new[] { ours["Hailuo.RefitImplementations.g.cs"] }, interfaceName);

        Assert.NotEmpty(refit);
        Assert.All(refit.Values, calls => Assert.Contains(calls, c => c.StartsWith("Refit.GeneratedRequestRunner.SendAsync", StringComparison.Ordinal)));
        var diff = RefitSeam.Diff(refit, mine);
        Assert.True(diff.Length == 0, "Refit's generator and ours build the requests differently; update Emit/Refit/RefitImplementationEmitter.cs (docs/REFIT.md):\n" + diff);
    }

    [Fact]
    public void A_drift_is_reported_as_a_readable_diff_per_method()
    {
        var refit = new SortedDictionary<string, List<string>> { ["SubmitAsync"] = new() { "Refit.GeneratedRequestRunner.SetHeader(a)", "Refit.GeneratedRequestRunner.SendAsync(b)" } };
        var ours = new SortedDictionary<string, List<string>> { ["SubmitAsync"] = new() { "Refit.GeneratedRequestRunner.SetHeader(a, c)", "Refit.GeneratedRequestRunner.SendAsync(b)" } };

        var diff = RefitSeam.Diff(refit, ours);

        Assert.Equal(
            "SubmitAsync (- Refit " + RefitSeam.RefitVersion + "'s generator, + ours):\n  - Refit.GeneratedRequestRunner.SetHeader(a)\n  + Refit.GeneratedRequestRunner.SetHeader(a, c)",
            diff);
    }
}
