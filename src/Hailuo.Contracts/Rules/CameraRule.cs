using System;
using System.Collections.Generic;
using System.Linq;

namespace Hailuo.Contracts;

/// <summary>What is wrong with one camera bracket.</summary>
internal enum CameraProblemKind
{
    /// <summary>A '[' without its ']'.</summary>
    Unclosed,

    /// <summary>More commands than one bracket may combine.</summary>
    TooMany,

    /// <summary>A command the spec does not list (or an empty one).</summary>
    Unknown,
}

/// <summary>One problem of a camera bracket; Command is set for <see cref="CameraProblemKind.Unknown"/>.</summary>
internal sealed record CameraProblem(CameraBracket Bracket, CameraProblemKind Kind, string? Command);

/// <summary>The camera-bracket decision for a prompt: the validators and the analyzer word each problem, neither decides it.</summary>
internal static class CameraRule
{
    /// <summary>Every problem of the prompt's brackets, in order; commands compare ignoring case and surrounding spaces.</summary>
    public static IEnumerable<CameraProblem> Problems(string prompt, IReadOnlyCollection<string> commands, int maxPerBracket)
    {
        foreach (var bracket in CameraBrackets.Parse(prompt))
        {
            if (!bracket.Closed)
            {
                yield return new CameraProblem(bracket, CameraProblemKind.Unclosed, null);
                continue;
            }

            if (bracket.Commands.Count > maxPerBracket)
            {
                yield return new CameraProblem(bracket, CameraProblemKind.TooMany, null);
            }

            foreach (var command in bracket.Commands.Where(c => !IsKnown(commands, c)))
            {
                yield return new CameraProblem(bracket, CameraProblemKind.Unknown, command);
            }
        }
    }

    /// <summary>Whether the words name a command; case and surrounding spaces are ignored.</summary>
    public static bool IsKnown(IEnumerable<string> commands, string command) =>
        commands.Any(c => string.Equals(c, command.Trim(), StringComparison.OrdinalIgnoreCase));
}
