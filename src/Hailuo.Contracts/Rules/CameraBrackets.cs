using System;
using System.Collections.Generic;

namespace Hailuo.Contracts;

// Part of the rule core: compiled into the runtime and, linked, into the analyzer (netstandard2.0), so one parser serves both.
/// <summary>The square-bracket camera instructions found in a prompt, in order.</summary>
public static class CameraBrackets
{
    /// <summary>Finds each [..] group and splits it into its comma-separated commands.</summary>
    public static IReadOnlyList<CameraBracket> Parse(string prompt)
    {
        var brackets = new List<CameraBracket>();
        var scan = new CameraBracketScan(prompt);
        while (scan.MoveNext())
        {
            brackets.Add(scan.ToBracket());
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

/// <summary>
/// Walks a prompt's brackets by index, allocating nothing: a '[' closes at the next ']', unless another '[' (or the
/// prompt's end) comes first, which leaves it unclosed. Strings are cut only by <see cref="ToBracket"/>, for a problem.
/// </summary>
internal struct CameraBracketScan
{
    private readonly string _prompt;
    private int _next;

    public CameraBracketScan(string prompt)
    {
        _prompt = prompt;
        _next = 0;
        Number = 0;
        Start = -1;
        End = -1;
        Closed = false;
        CommandCount = 0;
    }

    /// <summary>1 for the first bracket of the prompt.</summary>
    public int Number { get; private set; }

    /// <summary>Index of the bracket's '['.</summary>
    public int Start { get; private set; }

    /// <summary>Index just past the bracket's text: past its ']' when closed, else at the next '[' or the prompt's end.</summary>
    public int End { get; private set; }

    /// <summary>False when the '[' has no matching ']'.</summary>
    public bool Closed { get; private set; }

    /// <summary>Commands in a closed bracket: one more than its commas (an empty bracket holds one empty command); 0 when unclosed.</summary>
    public int CommandCount { get; private set; }

    /// <summary>Moves to the next bracket; false when the prompt has no more.</summary>
    public bool MoveNext()
    {
        var open = _prompt.IndexOf('[', _next);
        if (open < 0)
        {
            return false;
        }

        Number++;
        Start = open;
        var close = _prompt.IndexOf(']', open + 1);
        var nested = close < 0 ? -1 : _prompt.IndexOf('[', open + 1, close - open - 1);
        if (close < 0 || nested >= 0)
        {
            End = close < 0 ? _prompt.Length : nested;
            Closed = false;
            CommandCount = 0;
            _next = End;
            return true;
        }

        End = close + 1;
        Closed = true;
        CommandCount = 1;
        for (var i = open + 1; i < close; i++)
        {
            if (_prompt[i] == ',')
            {
                CommandCount++;
            }
        }

        _next = End;
        return true;
    }

    /// <summary>
    /// The next command of a closed bracket, trimmed, as a start and a length in the prompt; <paramref name="from"/> starts
    /// at <see cref="Start"/> + 1 and carries the position between calls. False after the last command.
    /// </summary>
    public readonly bool NextCommand(ref int from, out int start, out int length)
    {
        var close = End - 1;
        if (!Closed || from > close)
        {
            start = 0;
            length = 0;
            return false;
        }

        var comma = _prompt.IndexOf(',', from, close - from);
        var stop = comma < 0 ? close : comma;
        (start, length) = Trimmed(_prompt, from, stop);
        from = stop + 1;
        return true;
    }

    /// <summary>text[start..stop] without its surrounding white space, as a start and a length.</summary>
    public static (int Start, int Length) Trimmed(string text, int start, int stop)
    {
        while (start < stop && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (stop > start && char.IsWhiteSpace(text[stop - 1]))
        {
            stop--;
        }

        return (start, stop - start);
    }

    /// <summary>The bracket as a record, its text and commands cut from the prompt.</summary>
    public readonly CameraBracket ToBracket()
    {
        var text = _prompt.Substring(Start, End - Start);
        if (!Closed)
        {
            return new CameraBracket(Number, Start, text, Array.Empty<string>(), Closed: false);
        }

        var commands = new string[CommandCount];
        var from = Start + 1;
        for (var i = 0; NextCommand(ref from, out var start, out var length); i++)
        {
            commands[i] = _prompt.Substring(start, length);
        }

        return new CameraBracket(Number, Start, text, commands, Closed: true);
    }
}
