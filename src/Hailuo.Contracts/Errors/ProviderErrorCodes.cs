namespace Hailuo.Contracts;

/// <summary>MiniMax's base_resp.status_code values the client maps to typed errors (seed 002 and MiniMax's public docs).</summary>
public static class ProviderErrorCodes
{
    /// <summary>Rate limit: slow down and retry later.</summary>
    public const int RateLimited = 1002;

    /// <summary>Authentication failed.</summary>
    public const int AuthenticationFailed = 1004;

    /// <summary>The account's balance is too small.</summary>
    public const int InsufficientBalance = 1008;

    /// <summary>Internal service error.</summary>
    public const int ServiceError = 1013;

    /// <summary>The input was flagged as sensitive content.</summary>
    public const int SensitiveContent = 1026;

    /// <summary>Invalid parameters.</summary>
    public const int InvalidParameters = 2013;

    /// <summary>Invalid API key.</summary>
    public const int InvalidApiKey = 2049;
}
