namespace Hailuo.Contracts;

/// <summary>The service asked us to slow down (HTTP 429, MiniMax 1002) and retries did not get through.</summary>
public sealed class HailuoRateLimitedException : HailuoException
{
    /// <summary>Creates the exception.</summary>
    public HailuoRateLimitedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public HailuoRateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HailuoRateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with what the service said and how long it asked us to wait.</summary>
    public HailuoRateLimitedException(string message, HailuoErrorDetails details, TimeSpan? retryAfter)
        : base(message, details)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the service asked us to wait (its Retry-After header), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
