namespace Hailuo.Contracts;

/// <summary>How the video is driven: by text alone, or by images too.</summary>
public enum VideoMode
{
    /// <summary>Prompt only.</summary>
    TextToVideo,

    /// <summary>Prompt and a first frame image.</summary>
    ImageToVideo,

    /// <summary>Prompt, first frame and last frame: a transition between two images.</summary>
    FirstAndLastFrame,

    /// <summary>Prompt and a subject (character) reference image.</summary>
    SubjectReference,
}

/// <summary>The spec's words for the modes.</summary>
public static class VideoModeNames
{
    /// <summary>The mode as the spec writes it, such as "text-to-video".</summary>
    public static string ToWireName(this VideoMode mode) => mode switch
    {
        VideoMode.TextToVideo => "text-to-video",
        VideoMode.ImageToVideo => "image-to-video",
        VideoMode.FirstAndLastFrame => "first-and-last-frame",
        VideoMode.SubjectReference => "subject-reference",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown video mode."),
    };

    /// <summary>Parses "text-to-video" and the other spec words; null when unknown.</summary>
    public static VideoMode? FromWireName(string? name) =>
        Enum.GetValues<VideoMode>().Select(m => (VideoMode?)m).FirstOrDefault(m => string.Equals(m!.Value.ToWireName(), name, StringComparison.OrdinalIgnoreCase));
}
