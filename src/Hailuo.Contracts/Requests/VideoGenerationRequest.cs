using System.Text.Json.Serialization;

namespace Hailuo.Contracts;

/// <summary>
/// The untyped request, as dynamic input (a form, a config file) fills it. The generated validators check it
/// against the spec before any HTTP call; prefer the typed builders where the values are known in code.
/// </summary>
public sealed class VideoGenerationRequest
{
    /// <summary>Model id, such as "MiniMax-Hailuo-02". Required.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>What to show; camera commands go in square brackets, such as "[Pan left, Zoom in]". Required.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; set; }

    /// <summary>Seconds of video; the provider's default when null.</summary>
    [JsonPropertyName("duration")]
    public int? Duration { get; set; }

    /// <summary>"512p", "768p" or "1080p" (any case); the provider's default when null.</summary>
    [JsonPropertyName("resolution")]
    public string? Resolution { get; set; }

    /// <summary>Whether the provider may rewrite the prompt; on by default.</summary>
    [JsonPropertyName("prompt_optimizer")]
    public bool? PromptOptimizer { get; set; }

    /// <summary>Shorter prompt optimisation at slightly lower quality.</summary>
    [JsonPropertyName("fast_pretreatment")]
    public bool? FastPretreatment { get; set; }

    /// <summary>Whether to add a watermark.</summary>
    [JsonPropertyName("watermark")]
    public bool? Watermark { get; set; }

    /// <summary>First frame: a public URL or a data URL; makes the request image-to-video.</summary>
    [JsonPropertyName("first_frame_image")]
    public string? FirstFrameImage { get; set; }

    /// <summary>Last frame: with a first frame, makes a first-and-last-frame transition.</summary>
    [JsonPropertyName("last_frame_image")]
    public string? LastFrameImage { get; set; }

    /// <summary>Subject reference images; makes the request subject-reference.</summary>
    [JsonPropertyName("subject_reference")]
    public IList<SubjectReference>? SubjectReference { get; set; }

    /// <summary>Where the provider POSTs status notifications.</summary>
    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; set; }

    /// <summary>The mode the caller means; when null it follows from the images given. Not sent on the wire.</summary>
    [JsonIgnore]
    public VideoMode? Mode { get; set; }

    /// <summary>The mode asked for, or the one the images imply.</summary>
    public VideoMode EffectiveMode() => VideoModeNames.Effective(Mode, FirstFrameImage is not null, LastFrameImage is not null, SubjectReference is { Count: > 0 });
}

/// <summary>A subject the video must keep, such as a character.</summary>
public sealed class SubjectReference
{
    /// <summary>The kind of subject; "character" is the one documented.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "character";

    /// <summary>Images of the subject: public URLs or data URLs.</summary>
    [JsonPropertyName("image")]
    public IList<string> Image { get; set; } = new List<string>();
}
