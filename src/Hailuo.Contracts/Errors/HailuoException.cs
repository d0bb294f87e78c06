namespace Hailuo.Contracts;

/// <summary>
/// Every error the client raises about the service: the HTTP status, an <see cref="ErrorCode"/> in the spec's words,
/// the task, and the trace and request ids a support ticket needs. Never carries the API key. Subtypes exist only
/// where a caller recovers differently: <see cref="HailuoValidationException"/>, <see cref="HailuoSubmitOutcomeUnknownException"/>,
/// <see cref="HailuoTaskFailedException"/>, <see cref="HailuoUrlExpiredException"/> (docs/CLIENT.md).
/// </summary>
public class HailuoException : Exception
{
    /// <summary>The <see cref="ErrorCode"/> of a task or file the service does not know (HTTP 404, or MiniMax's code inside HTTP 200).</summary>
    public const string NotFound = "not-found";

    /// <summary>The <see cref="ErrorCode"/> of a wait that reached <see cref="HailuoClientOptions.WaitTimeout"/>: the task goes on; wait again later with <see cref="TaskId"/>.</summary>
    public const string WaitTimedOut = "wait-timed-out";

    /// <summary>Creates the exception.</summary>
    public HailuoException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public HailuoException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HailuoException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with what the service said.</summary>
    public HailuoException(string message, HailuoErrorDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        Provider = details.Provider;
        HttpStatus = details.HttpStatus;
        ProviderCode = details.ProviderCode;
        RequestId = details.RequestId;
        TaskId = details.TaskId;
        IsTransient = details.IsTransient;
        TraceId = details.TraceId;
        ErrorCode = details.ErrorCode;
        RetryAfter = details.RetryAfter;
    }

    /// <summary>The message, ending with the service's trace id when it sent one: what a user quotes to support.</summary>
    public override string Message => TraceId is { } trace && !base.Message.Contains(trace, StringComparison.Ordinal)
        ? base.Message.TrimEnd() + " Trace-Id: " + trace + "."
        : base.Message;

    /// <summary>The provider's name, such as "APIMart", when known.</summary>
    public string? Provider { get; }

    /// <summary>The HTTP status of the answer, or null when none arrived.</summary>
    public int? HttpStatus { get; }

    /// <summary>The provider's own code as text: MiniMax's base_resp.status_code ("1026") or APIMart's error code.</summary>
    public string? ProviderCode { get; }

    /// <summary>The request id the service gave (a header such as X-Request-Id), for support tickets.</summary>
    public string? RequestId { get; }

    /// <summary>The task this error is about, when there is one.</summary>
    public string? TaskId { get; }

    /// <summary>The service's trace id (MiniMax's Trace-Id header), which its support asks for; null when the answer had none.</summary>
    public string? TraceId { get; }

    /// <summary>
    /// What went wrong, in the spec's words whichever transport said it: one of <see cref="ErrorMeanings"/>
    /// ("rate-limited", "authentication", "insufficient-balance", "content-policy", "invalid-parameters",
    /// "server-error"), <see cref="NotFound"/> or <see cref="WaitTimedOut"/>; null for a network failure or an answer no word fits.
    /// </summary>
    public string? ErrorCode { get; }

    /// <summary>How long the service asked us to wait (its Retry-After header), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether trying the same call again later may succeed (rate limits, 5xx, network).</summary>
    public bool IsTransient { get; }
}

/// <summary>What the service said about a failed call; the exception constructors take it.</summary>
/// <param name="Provider">The provider's name.</param>
/// <param name="HttpStatus">The HTTP status, or null when no answer arrived.</param>
/// <param name="ProviderCode">The provider's code as text.</param>
/// <param name="RequestId">The service's request id.</param>
/// <param name="TaskId">The task concerned.</param>
/// <param name="IsTransient">Whether a later retry may succeed.</param>
/// <param name="TraceId">The service's trace id header (MiniMax: Trace-Id).</param>
/// <param name="ErrorCode">What went wrong in the spec's words (see <see cref="HailuoException.ErrorCode"/>).</param>
/// <param name="RetryAfter">The service's Retry-After.</param>
public sealed record HailuoErrorDetails(
    string? Provider,
    int? HttpStatus = null,
    string? ProviderCode = null,
    string? RequestId = null,
    string? TaskId = null,
    bool IsTransient = false,
    string? TraceId = null,
    string? ErrorCode = null,
    TimeSpan? RetryAfter = null);
