using Xunit;

namespace Hailuo.Contracts.Generators.Tests;

/// <summary>
/// The seam with Refit: our generator emits Refit implementations in the shape of Refit's own generator (which cannot see
/// our output). Refit's generator, loaded from the NuGet cache, implements hand-written interfaces with the spec's
/// endpoint lines (HandWrittenRefit/), and the calls that build each request must agree, so a Refit upgrade that changes
/// the shape, or an emitter change that leaves it, fails here instead of at run time.
/// </summary>
public sealed class RefitSeamTests
{
    public static TheoryData<string> Interfaces => new() { "IApiMartVideoApi", "IMiniMaxVideoApi" };

    [Theory]
    [MemberData(nameof(Interfaces))]
    public void Our_implementation_builds_each_request_with_the_calls_Refit_s_own_generator_emits_for_the_hand_written_interface(string interfaceName)
    {
        var ours = GeneratorHarness.Run(GeneratorHarness.ShippedSpec).GeneratedSources.Single(s => s.HintName == "Hailuo.RefitImplementations.g.cs").SourceText.ToString();

        var refit = RefitSeam.RequestCalls(RefitSeam.RunRefitGenerator(RefitSeam.HandWritten(interfaceName)), interfaceName);
        var mine = RefitSeam.RequestCalls(new[] { ours }, interfaceName);

        Assert.NotEmpty(refit);
        Assert.All(refit.Values, calls => Assert.Contains(calls, c => c.StartsWith("Refit.GeneratedRequestRunner.SendAsync", StringComparison.Ordinal)));
        var diff = RefitSeam.Diff(refit, mine);
        Assert.True(diff.Length == 0, "Refit's generator and ours build the requests differently; update Emit/Refit/RefitImplementationEmitter.cs (docs/REFIT.md):\n" + diff);
    }

    [Theory]
    [MemberData(nameof(Interfaces))]
    public void The_hand_written_interface_has_the_endpoint_lines_of_its_provider_s_dialect_in_the_spec(string interfaceName)
    {
        var spec = RefitSeam.SpecLines(GeneratorHarness.ShippedSpec, interfaceName);

        var written = RefitSeam.EndpointLines(RefitSeam.HandWritten(interfaceName));

        var diff = RefitSeam.Diff(spec, written, "the spec", "HandWrittenRefit/" + interfaceName + ".cs");
        Assert.True(spec.Count > 0 && diff.Length == 0, "The hand-written interface no longer says what the spec says; make its attributes match the spec's lines:\n" + diff);
    }

    [Fact]
    public void An_endpoint_line_is_read_back_from_Refit_attributes_with_its_query_placeholders()
    {
        const string Source = """
            public interface IOne
            {
                [Refit.Get("/v1/query/video_generation")]
                System.Threading.Tasks.Task<string> GetTaskAsync([Refit.AliasAs("task_id")][Refit.Query] string taskId, [Refit.Authorize("Bearer")] string apiKey);

                [Refit.Post("/v1/tasks/{task_id}/cancel")]
                System.Threading.Tasks.Task<string> CancelAsync([Refit.AliasAs("task_id")] string taskId);
            }
            """;

        var lines = RefitSeam.EndpointLines(Source);

        Assert.Equal(new[] { "GET /v1/query/video_generation?task_id={task_id}" }, lines["GetTaskAsync"]);
        Assert.Equal(new[] { "POST /v1/tasks/{task_id}/cancel" }, lines["CancelAsync"]);
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
