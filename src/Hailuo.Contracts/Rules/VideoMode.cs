using System;
using System.Linq;

// In the analyzer the core (every file of this folder) has a namespace of its own, so its tests never see two VideoMode types.
#if HAILUO_ANALYZER
namespace Hailuo.Contracts.Generators.Rules;
#else
namespace Hailuo.Contracts;
#endif

// The rule core (this folder) is compiled into the runtime and, linked, into the analyzer (netstandard2.0, no packages).
#if HAILUO_ANALYZER
internal
#else
/// <summary>How the video is driven: by text alone, or by images too. The spec's word for each is its name in kebab case.</summary>
public
#endif
enum VideoMode
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

#if HAILUO_ANALYZER
internal
#else
/// <summary>The spec's words for the modes, and the mode a request's images imply.</summary>
public
#endif
static class VideoModeNames
{
#pragma warning disable CA2263 // The analyzer's netstandard2.0 has no generic Enum.GetValues.
    private static readonly VideoMode[] Modes = (VideoMode[])Enum.GetValues(typeof(VideoMode));
#pragma warning restore CA2263

    // "TextToVideo" is written "text-to-video" in the spec: the enum is the only list of modes.
    private static readonly string[] Words = Modes.Select(m => Kebab(m.ToString())).ToArray();

    /// <summary>Every mode word, in the enum's order.</summary>
    public static System.Collections.Generic.IReadOnlyList<string> All => Words;

    /// <summary>The mode as the spec writes it, such as "text-to-video".</summary>
    public static string ToWireName(this VideoMode mode) =>
        (int)mode >= 0 && (int)mode < Words.Length ? Words[(int)mode] : throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown video mode.");

    /// <summary>Parses "text-to-video" and the other spec words, ignoring case; null when unknown.</summary>
    public static VideoMode? FromWireName(string? name)
    {
        var index = Array.FindIndex(Words, w => string.Equals(w, name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : Modes[index];
    }

    /// <summary>The mode a request means: the one asked for, else the one its images imply (a subject reference first, then a first frame with or without a last).</summary>
    public static VideoMode Effective(VideoMode? asked, bool firstFrame, bool lastFrame, bool subject) =>
        asked ?? (subject ? VideoMode.SubjectReference
            : firstFrame && lastFrame ? VideoMode.FirstAndLastFrame
            : firstFrame ? VideoMode.ImageToVideo
            : VideoMode.TextToVideo);

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i == 0 ? string.Empty : "-") + char.ToLowerInvariant(c) : c.ToString()));
}
