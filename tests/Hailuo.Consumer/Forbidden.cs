using Hailuo.Contracts;

namespace Contoso.Video;

// Compiled only with -p:IncludeForbidden=true: each line must fail the build.
internal static class Forbidden
{
    // Contoso-Hailuo-Pro allows only 5 s at 1080p: Seconds8 does not exist there.
    public static TypedVideoRequest OwnPair() => ContosoGateway.HailuoPro.TextToVideo(Prompt.Of("x")).At1080p().Seconds8();

    // An untyped request with constant values the spec forbids: the analyzer stops the build.
    public static VideoGenerationRequest Untyped() => new() { Model = "MiniMax-Hailuo-02", Resolution = "1080p", Duration = 10, Prompt = "x" };
}
