namespace Hailuo.Contracts;

/// <summary>The video's download URL has expired and asking the service for a fresh one did not help.</summary>
public sealed class HailuoUrlExpiredException : HailuoException
{
    /// <summary>Creates the exception.</summary>
    public HailuoUrlExpiredException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public HailuoUrlExpiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HailuoUrlExpiredException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a task whose URL expired.</summary>
    public HailuoUrlExpiredException(string message, HailuoErrorDetails details, DateTimeOffset? expiredAt, int refreshes)
        : base(message, details)
    {
        ExpiredAt = expiredAt;
        Refreshes = refreshes;
    }

    /// <summary>Creates the exception for a task whose URL expired and whose video the service no longer keeps.</summary>
    public HailuoUrlExpiredException(string message, HailuoErrorDetails details, DateTimeOffset? expiredAt, int refreshes, Exception? innerException)
        : base(message, details, innerException)
    {
        ExpiredAt = expiredAt;
        Refreshes = refreshes;
        VideoGone = innerException is HailuoException { HttpStatus: 404 or 410 };
    }

    /// <summary>
    /// Whether the provider said it no longer keeps the video (asking for a fresh URL answered 404 or 410); false when
    /// only the URLs kept failing, and the video may still be downloaded later.
    /// </summary>
    public bool VideoGone { get; }

    /// <summary>When the last URL expired, when the service said.</summary>
    public DateTimeOffset? ExpiredAt { get; }

    /// <summary>How many fresh URLs were asked for before giving up.</summary>
    public int Refreshes { get; }
}
