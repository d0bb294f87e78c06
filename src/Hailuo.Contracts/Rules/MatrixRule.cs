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
    public static (MatrixVerdict Verdict, TRow? Row) Judge<TRow>(IEnumerable<TRow>? rows, Func<TRow, string> resolutionOf, Func<TRow, IEnumerable<int>> durationsOf, string resolution, int? duration)
        where TRow : class
    {
        if (rows is null)
        {
            return (MatrixVerdict.ModeNotOffered, null);
        }

        var row = rows.FirstOrDefault(r => string.Equals(resolutionOf(r), resolution, StringComparison.OrdinalIgnoreCase));
        if (row is null)
        {
            return (MatrixVerdict.ResolutionNotOffered, null);
        }

        return (duration is { } seconds && !durationsOf(row).Contains(seconds) ? MatrixVerdict.DurationNotAllowed : MatrixVerdict.Allowed, row);
    }

    /// <summary>Whether a mode with these required wire fields requires the prompt: it does when the spec lists none.</summary>
    public static bool RequiresPrompt(IEnumerable<string> requires) => !requires.Any() || requires.Contains("prompt");
}
