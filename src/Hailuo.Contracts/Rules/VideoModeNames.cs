using System;
using System.Collections.Generic;

namespace Hailuo.Contracts;

/// <summary>The spec's words for the modes, and the mode a request's images imply.</summary>
/// <remarks><see cref="VideoMode"/> and its words are emitted from the schema's "$defs.mode", the only list of them.</remarks>
public static partial class VideoModeNames
{
    /// <summary>Every mode word, in the enum's order.</summary>
    public static IReadOnlyList<string> All => Words;

    /// <summary>The mode as the spec writes it, such as "text-to-video".</summary>
    public static string ToWireName(this VideoMode mode) =>
        Array.IndexOf(Modes, mode) is var index and >= 0 ? Words[index] : throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown video mode.");

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
}
