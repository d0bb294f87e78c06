namespace Hailuo.Contracts;

/// <summary>
/// How reads (status, file retrieve, download) are retried on 429, 5xx and network errors: exponential backoff with
/// jitter, or exactly the server's Retry-After when it sends one. The submit is retried by the same numbers, but only
/// when the server surely created nothing (docs/CLIENT.md).
/// </summary>
public sealed class HailuoRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; each next one doubles. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No backoff delay is longer. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomised, so many clients do not retry in step. Default on.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>A Retry-After longer than this is not waited out inside one call: the call fails as rate limited. Default 2 min.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    internal void Validate()
    {
        if (MaxRetryAttempts < 0 || BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay || MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"Retry options must satisfy MaxRetryAttempts >= 0 ({MaxRetryAttempts}), 0 <= BaseDelay ({BaseDelay}) <= MaxDelay ({MaxDelay}), MaxRetryAfter >= 0 ({MaxRetryAfter}).");
        }
    }
}
