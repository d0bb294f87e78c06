namespace Hailuo.Contracts.Tests;

/// <summary>Requests for tests: the images each mode needs, in valid form.</summary>
internal static class Requests
{
    public const string ImageUrl = "https://images.example/frame.png";

    // A 1x1 PNG; only its form matters to the validators.
    public const string DataUrl = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    public static VideoGenerationRequest For(string model, string mode, string? resolution, int? duration, string? prompt = "A cat runs on the grass")
    {
        var request = new VideoGenerationRequest { Model = model, Prompt = prompt, Resolution = resolution, Duration = duration };
        switch (mode)
        {
            case "image-to-video":
                request.FirstFrameImage = ImageUrl;
                break;
            case "first-and-last-frame":
                request.FirstFrameImage = ImageUrl;
                request.LastFrameImage = DataUrl;
                break;
            case "subject-reference":
                request.SubjectReference = new List<SubjectReference> { new() { Image = new List<string> { ImageUrl } } };
                break;
        }

        return request;
    }
}
