using System;
using System.Collections.Generic;

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
    private static readonly IReadOnlyList<CameraProblem> NoProblems = Array.Empty<CameraProblem>();

    /// <summary>
    /// Every problem of the prompt's brackets, in order; commands compare ignoring case and surrounding spaces. A prompt
    /// whose brackets are all well formed allocates nothing: brackets and commands are cut only for a problem.
    /// </summary>
    public static IReadOnlyList<CameraProblem> Problems(string prompt, IReadOnlyList<string> commands, int maxPerBracket)
    {
        List<CameraProblem>? problems = null;
        var scan = new CameraBracketScan(prompt);
        while (scan.MoveNext())
        {
            if (!scan.Closed)
            {
                (problems ??= new List<CameraProblem>()).Add(new CameraProblem(scan.ToBracket(), CameraProblemKind.Unclosed, null));
                continue;
            }

            CameraBracket? bracket = null;
            if (scan.CommandCount > maxPerBracket)
            {
                (problems ??= new List<CameraProblem>()).Add(new CameraProblem(bracket = scan.ToBracket(), CameraProblemKind.TooMany, null));
            }

            var from = scan.Start + 1;
            while (scan.NextCommand(ref from, out var start, out var length))
            {
                if (IndexOf(commands, prompt, start, length) < 0)
                {
                    (problems ??= new List<CameraProblem>()).Add(new CameraProblem(bracket ??= scan.ToBracket(), CameraProblemKind.Unknown, prompt.Substring(start, length)));
                }
            }
        }

        return problems ?? NoProblems;
    }

    /// <summary>Whether the words name a command; case and surrounding spaces are ignored.</summary>
    public static bool IsKnown(IReadOnlyList<string> commands, string command)
    {
        var (start, length) = CameraBracketScan.Trimmed(command, 0, command.Length);
        return IndexOf(commands, command, start, length) >= 0;
    }

    /// <summary>The index of the command spelled by text[start..start+length], ignoring case; -1 when none is.</summary>
    private static int IndexOf(IReadOnlyList<string> commands, string text, int start, int length)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (command.Length == length && string.Compare(command, 0, text, start, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
