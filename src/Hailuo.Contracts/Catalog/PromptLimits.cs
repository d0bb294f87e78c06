namespace Hailuo.Contracts;

/// <summary>Limits on the prompt text.</summary>
/// <param name="MaxLength">The most characters a prompt may have, camera brackets included.</param>
public sealed record PromptLimits(int MaxLength);
