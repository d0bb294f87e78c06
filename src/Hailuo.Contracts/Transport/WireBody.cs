namespace Hailuo.Contracts.Transport;

/// <summary>The submit body: the request's snake_case fields, nulls left out, the resolution spelt as the provider's wire does.</summary>
internal static class WireBody
{
    /// <summary>A copy with the wire's spelling, so the caller's object is never changed.</summary>
    public static VideoGenerationRequest ForWire(ProviderInfo provider, VideoGenerationRequest request) => new()
    {
        Model = request.Model,
        Prompt = request.Prompt,
        Duration = request.Duration,
        Resolution = request.Resolution is null ? null : provider.WireResolution(request.Resolution),
        PromptOptimizer = request.PromptOptimizer,
        FastPretreatment = request.FastPretreatment,
        Watermark = request.Watermark,
        FirstFrameImage = request.FirstFrameImage,
        LastFrameImage = request.LastFrameImage,
        SubjectReference = request.SubjectReference,
        CallbackUrl = request.CallbackUrl,
        Mode = request.Mode,
    };
}
