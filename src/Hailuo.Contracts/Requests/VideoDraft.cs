namespace Hailuo.Contracts;

/// <summary>The inputs of a typed request before the resolution and duration are chosen; the generated builders carry it.</summary>
public sealed class VideoDraft
{
    private VideoDraft(VideoMode mode, Prompt? prompt, ImageReference? firstFrame, ImageReference? lastFrame, ImageReference? subject)
    {
        Mode = mode;
        Prompt = prompt;
        FirstFrame = firstFrame;
        LastFrame = lastFrame;
        Subject = subject;
    }

    /// <summary>The input mode.</summary>
    public VideoMode Mode { get; }

    /// <summary>The prompt; null only in a mode whose prompt the provider documents as optional.</summary>
    public Prompt? Prompt { get; }

    /// <summary>First frame, for image-to-video and first-and-last-frame.</summary>
    public ImageReference? FirstFrame { get; }

    /// <summary>Last frame, for first-and-last-frame.</summary>
    public ImageReference? LastFrame { get; }

    /// <summary>Subject image, for subject-reference.</summary>
    public ImageReference? Subject { get; }

    /// <summary>Text only.</summary>
    public static VideoDraft TextToVideo(Prompt prompt) => new(VideoMode.TextToVideo, Required(prompt), null, null, null);

    /// <summary>Text and a first frame.</summary>
    public static VideoDraft ImageToVideo(Prompt prompt, ImageReference firstFrame) =>
        new(VideoMode.ImageToVideo, Required(prompt), Required(firstFrame), null, null);

    /// <summary>A first frame without text, where the provider documents the prompt as optional.</summary>
    public static VideoDraft ImageToVideo(ImageReference firstFrame) =>
        new(VideoMode.ImageToVideo, null, Required(firstFrame), null, null);

    /// <summary>Text, first frame and last frame.</summary>
    public static VideoDraft FirstAndLastFrame(Prompt prompt, ImageReference firstFrame, ImageReference lastFrame) =>
        new(VideoMode.FirstAndLastFrame, Required(prompt), Required(firstFrame), Required(lastFrame), null);

    /// <summary>First and last frame without text, where the provider documents the prompt as optional.</summary>
    public static VideoDraft FirstAndLastFrame(ImageReference firstFrame, ImageReference lastFrame) =>
        new(VideoMode.FirstAndLastFrame, null, Required(firstFrame), Required(lastFrame), null);

    /// <summary>Text and a subject image.</summary>
    public static VideoDraft SubjectReference(Prompt prompt, ImageReference subject) =>
        new(VideoMode.SubjectReference, Required(prompt), null, null, Required(subject));

    /// <summary>A subject image without text, where the provider documents the prompt as optional.</summary>
    public static VideoDraft SubjectReference(ImageReference subject) =>
        new(VideoMode.SubjectReference, null, null, null, Required(subject));

    /// <summary>Finishes the request with a pair the generated builder knows to be allowed; the cost comes from the provider's catalog.</summary>
    public TypedVideoRequest Complete(ProviderInfo provider, string model, string resolution, int duration) =>
        new(provider, model, this, resolution, duration);

    private static T Required<T>(T value)
        where T : class => value ?? throw new ArgumentNullException(nameof(value));
}
