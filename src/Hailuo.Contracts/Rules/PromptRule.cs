namespace Hailuo.Contracts;

/// <summary>The prompt-length decision: the validators and the analyzer word it, neither decides it.</summary>
internal static class PromptRule
{
    /// <summary>The prompt's length as a person counts it when it is over the limit; null when it fits.</summary>
    public static int? TooLong(string prompt, int maxLength)
    {
        var length = PromptLength.Count(prompt);
        return length > maxLength ? length : null;
    }
}
