namespace Hailuo.Contracts;

/// <summary>What a provider's numeric error code means, read from the spec's dialects; no code is named anywhere else.</summary>
public static class ErrorMeanings
{
    /// <summary>Too many requests: wait and send again.</summary>
    public const string RateLimited = "rate-limited";

    /// <summary>The API key was refused.</summary>
    public const string Authentication = "authentication";

    /// <summary>The account cannot pay for the task.</summary>
    public const string InsufficientBalance = "insufficient-balance";

    /// <summary>The input or output was flagged as sensitive content.</summary>
    public const string ContentPolicy = "content-policy";

    /// <summary>The request broke a rule of the API.</summary>
    public const string InvalidParameters = "invalid-parameters";

    /// <summary>The provider failed on its side ("unknown error", "internal error"): retry later.</summary>
    public const string ServerError = "server-error";

    /// <summary>The spec's meaning of the code, looked up in every dialect (APIMart passes MiniMax's codes on), or null.</summary>
    public static string? Of(string? code) =>
        int.TryParse(code, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? HailuoSpec.Dialects.Select(d => d.ErrorCodes.TryGetValue(number, out var meaning) ? meaning : null).FirstOrDefault(m => m is not null)
            : null;

    /// <summary>Whether the spec gives the code this meaning.</summary>
    public static bool Is(string? code, string meaning) => string.Equals(Of(code), meaning, StringComparison.Ordinal);
}
