namespace Hailuo.Jobs.Tests.Support;

internal static class Requests
{
    /// <summary>A 768p 5-second text-to-video request on APIMart: $0.20 by the spec.</summary>
    public static VideoGenerationRequest Clip(string prompt = "A cute cat running on the grass") =>
        new() { Model = HailuoSpec.ApiMart.Models[0].Id, Prompt = prompt, Resolution = "768p", Duration = 5 };
}
