namespace Hailuo.Contracts;

/// <summary>The API key is missing, wrong or revoked (HTTP 401, MiniMax 1004 or 2049): check the key, not the request.</summary>
public sealed class HailuoAuthenticationException : HailuoException
{
    /// <summary>Creates the exception.</summary>
    public HailuoAuthenticationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public HailuoAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HailuoAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with what the service said.</summary>
    public HailuoAuthenticationException(string message, HailuoErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
