using System;
using System.Collections.Generic;
using System.Linq;

namespace Hailuo.Contracts;

/// <summary>What a mode's resolution x duration matrix says of one request.</summary>
internal enum MatrixVerdict
{
    /// <summary>The pair is allowed (or the duration is not known and the resolution is offered).</summary>
    Allowed,

    /// <summary>The model does not offer the mode at all.</summary>
    ModeNotOffered,

    /// <summary>The mode does not offer the resolution.</summary>
    ResolutionNotOffered,

    /// <summary>The resolution does not allow the duration.</summary>
    DurationNotAllowed,
}

/// <summary>
/// The matrix decision, over either side's catalog rows (the runtime's MatrixRow, the generator's MatrixRowModel):
/// the validators and the analyzer word it, neither decides it.
/// </summary>
internal static class MatrixRule
{
    /// <summary>Judges a resolution (any case) and a duration (null: not known) against a mode's rows (null: the mode is not offered); the row found comes back with the verdict.</summary>
    /// <remarks>Indexed loops over the rows and durations, and no lambda capturing the resolution: every submit is judged, and this allocates nothing.</remarks>
    public static (MatrixVerdict Verdict, TRow? Row) Judge<TRow>(IReadOnlyList<TRow>? rows, Func<TRow, string> resolutionOf, Func<TRow, IReadOnlyList<int>> durationsOf, string resolution, int? duration)
        where TRow : class
    {
        if (rows is null)
        {
            return (MatrixVerdict.ModeNotOffered, null);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (string.Equals(resolutionOf(row), resolution, StringComparison.OrdinalIgnoreCase))
            {
                return (duration is { } seconds && !Contains(durationsOf(row), seconds) ? MatrixVerdict.DurationNotAllowed : MatrixVerdict.Allowed, row);
            }
        }

        return (MatrixVerdict.ResolutionNotOffered, null);
    }

    /// <summary>Whether a mode with these required wire fields requires the prompt: it does when the spec lists none.</summary>
    public static bool RequiresPrompt(IEnumerable<string> requires) => !requires.Any() || requires.Contains("prompt");

    private static bool Contains(IReadOnlyList<int> durations, int seconds)
    {
        for (var i = 0; i < durations.Count; i++)
        {
            if (durations[i] == seconds)
            {
                return true;
            }
        }

        return false;
    }
}
