using System;
using System.Collections.Generic;

namespace Hailuo.Contracts;

/// <summary>The spec's status meanings; <see cref="VideoTaskStatus"/> and they are emitted from the schema's "$defs.statusMeaning".</summary>
internal static partial class VideoTaskStatusMeanings
{
    /// <summary>Every meaning a dialect may give a status word, such as "queued".</summary>
    public static IReadOnlyList<string> All => Meanings;

    /// <summary>The status a meaning names, or null.</summary>
    public static VideoTaskStatus? FromMeaning(string? meaning)
    {
        var index = Array.IndexOf(Meanings, meaning);
        return index < 0 ? null : Statuses[index];
    }
}
