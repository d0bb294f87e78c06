namespace Hailuo.Contracts;

/// <summary>The square-bracket camera instructions found in a prompt, in order.</summary>
public static class CameraBrackets
{
    /// <summary>Finds each [..] group and splits it into its comma-separated commands.</summary>
    public static IReadOnlyList<CameraBracket> Parse(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var brackets = new List<CameraBracket>();
        var index = 0;
        while ((index = prompt.IndexOf('[', index)) >= 0)
        {
            var end = prompt.IndexOf(']', index + 1);
            var nested = end < 0 ? -1 : prompt.IndexOf('[', index + 1, end - index - 1);
            if (end < 0 || nested >= 0)
            {
                brackets.Add(new CameraBracket(brackets.Count + 1, index, prompt[index..(end < 0 ? prompt.Length : nested)], Array.Empty<string>(), Closed: false));
                index = end < 0 ? prompt.Length : nested;
                continue;
            }

            var inner = prompt[(index + 1)..end];
            var commands = inner.Split(',').Select(c => c.Trim()).ToArray();
            brackets.Add(new CameraBracket(brackets.Count + 1, index, prompt[index..(end + 1)], commands, Closed: true));
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
