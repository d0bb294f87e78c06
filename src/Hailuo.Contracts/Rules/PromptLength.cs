namespace Hailuo.Contracts;

// Part of the rule core: compiled into the runtime and, linked, into the analyzer, so both count a prompt the same way.
/// <summary>How long a prompt is, as the validators and the analyzer count it.</summary>
public static class PromptLength
{
    /// <summary>Characters as a person counts them: a surrogate pair (an emoji, say) counts once.</summary>
    public static int Count(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
