namespace Hailuo.Contracts;

/// <summary>
/// Base of every error the client raises about the service: carries the provider's error code, the HTTP status and
/// the request id a support ticket needs. Never carries the API key.
/// </summary>
public class HailuoException : Exception
{
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

    /// <summary>Whether the service does not know the task or file, whichever transport said so (HTTP 404, or MiniMax's code inside HTTP 200).</summary>
    internal bool IsNotFound { get; init; }

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
public sealed record HailuoErrorDetails(
    string? Provider,
    int? HttpStatus = null,
    string? ProviderCode = null,
    string? RequestId = null,
    string? TaskId = null,
    bool IsTransient = false,
    string? TraceId = null);
