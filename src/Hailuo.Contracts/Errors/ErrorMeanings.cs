namespace Hailuo.Contracts.Errors;

/// <summary>What a provider's numeric error code means, read from the spec's dialects; no code is named anywhere else.</summary>
internal static class ErrorMeanings
{
    public const string RateLimited = "rate-limited";
    public const string Authentication = "authentication";
    public const string InsufficientBalance = "insufficient-balance";
    public const string ContentPolicy = "content-policy";
    public const string InvalidParameters = "invalid-parameters";

    /// <summary>The spec's meaning of the code, looked up in every dialect (APIMart passes MiniMax's codes on), or null.</summary>
    public static string? Of(string? code) =>
        int.TryParse(code, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? HailuoSpec.Dialects.Select(d => d.ErrorCodes.TryGetValue(number, out var meaning) ? meaning : null).FirstOrDefault(m => m is not null)
            : null;

    public static bool Is(string? code, string meaning) => string.Equals(Of(code), meaning, StringComparison.Ordinal);
}
