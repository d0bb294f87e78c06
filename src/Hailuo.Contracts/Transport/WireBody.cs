namespace Hailuo.Contracts.Transport;

/// <summary>The submit body: the request's snake_case fields, nulls left out, the resolution spelt as the provider's wire does.</summary>
internal static class WireBody
{
    /// <summary>The request itself when the wire spells it so already, else a copy with the wire's spelling: the caller's object is never changed.</summary>
    public static VideoGenerationRequest ForWire(ProviderInfo provider, VideoGenerationRequest request) =>
        request.Resolution is null || string.Equals(request.Resolution, provider.WireResolution(request.Resolution), StringComparison.Ordinal) ? request : Copy(provider, request);

    /// <summary>Always a copy with the wire's spelling, for what outlives the call (an exception's record of the body).</summary>
    public static VideoGenerationRequest Copy(ProviderInfo provider, VideoGenerationRequest request) => new()
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
