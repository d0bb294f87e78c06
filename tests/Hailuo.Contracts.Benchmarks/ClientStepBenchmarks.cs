using BenchmarkDotNet.Attributes;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>The client's own steps before a submit is sent, each alone: the typed request's wire body, the generated validator, the cost.</summary>
[MemoryDiagnoser]
public class ClientStepBenchmarks
{
    private readonly TypedVideoRequest _request = ApiMart.Hailuo02.TextToVideo(Prompt.Of("A cute cat running on the grass").Camera(CameraMove.PanLeft)).At768p().Seconds5();
    private readonly ApiMartRequestValidator _validator = new ApiMartRequestValidator();
    private VideoGenerationRequest _body = null!;

    [GlobalSetup]
    public void Setup() => _body = _request.ToRequest();

    /// <summary>The typed request turned into the wire request (Refit's own client pays this too).</summary>
    [Benchmark]
    public VideoGenerationRequest ToRequest() => _request.ToRequest();

    /// <summary>The generated FluentValidation validator over the submit's request.</summary>
    [Benchmark]
    public bool Validate() => _validator.Validate(_body).IsValid;

    /// <summary>The cost estimate the client logs and counts.</summary>
    [Benchmark]
    public CostEstimate Cost() => CostEstimate.For(HailuoSpec.ApiMart, _body);
}
