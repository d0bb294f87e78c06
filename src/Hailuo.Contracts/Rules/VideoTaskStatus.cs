using System;
using System.Collections.Generic;
using System.Linq;

#if HAILUO_ANALYZER
namespace Hailuo.Contracts.Generators.Rules;
#else
namespace Hailuo.Contracts;
#endif

#if HAILUO_ANALYZER
internal
#else
/// <summary>
/// A task's status in one vocabulary, whichever words the provider used on the wire. Each member but Unknown is a
/// meaning the spec's dialects give their status words ("submitted", "queued", ...): the enum is the only list of them.
/// </summary>
public
#endif
enum VideoTaskStatus
{
    /// <summary>A word no dialect of the spec documents; the client keeps waiting, since only known end words end a wait.</summary>
    Unknown,

    /// <summary>Accepted and initialising.</summary>
    Submitted,

    /// <summary>Waiting for a GPU.</summary>
    Queued,

    /// <summary>Rendering.</summary>
    Processing,

    /// <summary>Done, the video is ready.</summary>
    Completed,

    /// <summary>Ended without a video.</summary>
    Failed,

    /// <summary>Cancelled before it finished.</summary>
    Cancelled,
}

/// <summary>The spec's status meanings: the names of <see cref="VideoTaskStatus"/> in lower case.</summary>
internal static class VideoTaskStatusMeanings
{
#pragma warning disable CA2263 // The analyzer's netstandard2.0 has no generic Enum.GetValues.
    private static readonly VideoTaskStatus[] Statuses = Enum.GetValues(typeof(VideoTaskStatus)).Cast<VideoTaskStatus>().Where(s => s != VideoTaskStatus.Unknown).ToArray();
#pragma warning restore CA2263
    private static readonly string[] Meanings = Statuses.Select(s => s.ToString().ToLowerInvariant()).ToArray();

    /// <summary>Every meaning a dialect may give a status word, such as "queued".</summary>
    public static IReadOnlyList<string> All => Meanings;

    /// <summary>The status a meaning names, or null.</summary>
    public static VideoTaskStatus? FromMeaning(string? meaning)
    {
        var index = Array.IndexOf(Meanings, meaning);
        return index < 0 ? null : Statuses[index];
    }
}
