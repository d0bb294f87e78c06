using System;
using System.Collections.Generic;
using System.Linq;

namespace Hailuo.Contracts;

// Part of the rule core: compiled into the runtime and, linked, into the analyzer (netstandard2.0), so one parser serves both.
/// <summary>The square-bracket camera instructions found in a prompt, in order.</summary>
public static class CameraBrackets
{
    /// <summary>Finds each [..] group and splits it into its comma-separated commands.</summary>
    public static IReadOnlyList<CameraBracket> Parse(string prompt)
    {
        var brackets = new List<CameraBracket>();
        var index = 0;
        while ((index = prompt.IndexOf('[', index)) >= 0)
        {
            var end = prompt.IndexOf(']', index + 1);
            var nested = end < 0 ? -1 : prompt.IndexOf('[', index + 1, end - index - 1);
            if (end < 0 || nested >= 0)
            {
                var stop = end < 0 ? prompt.Length : nested;
                brackets.Add(new CameraBracket(brackets.Count + 1, index, prompt.Substring(index, stop - index), Array.Empty<string>(), Closed: false));
                index = stop;
                continue;
            }

            var commands = prompt.Substring(index + 1, end - index - 1).Split(',').Select(c => c.Trim()).ToArray();
            brackets.Add(new CameraBracket(brackets.Count + 1, index, prompt.Substring(index, end - index + 1), commands, Closed: true));
            index = end + 1;
        }

        return brackets;
    }
}

/// <summary>One bracket of a prompt.</summary>
/// <param name="Number">1 for the first bracket of the prompt.</param>
/// <param name="Position">Index of '[' in the prompt.</param>
/// <param name="Text">The bracket as written.</param>
/// <param name="Commands">The commands inside, trimmed.</param>
/// <param name="Closed">False when the '[' has no matching ']'.</param>
public sealed record CameraBracket(int Number, int Position, string Text, IReadOnlyList<string> Commands, bool Closed);
