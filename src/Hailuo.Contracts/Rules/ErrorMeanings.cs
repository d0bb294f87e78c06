using System.Collections.Generic;

#if HAILUO_ANALYZER
namespace Hailuo.Contracts.Generators.Rules;
#else
namespace Hailuo.Contracts;
#endif

#if HAILUO_ANALYZER
internal
#else
public
#endif
static partial class ErrorMeanings
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

    /// <summary>Every meaning a dialect may give an error code; the spec's parser accepts these and no other.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { RateLimited, Authentication, InsufficientBalance, ContentPolicy, InvalidParameters, ServerError };
}
