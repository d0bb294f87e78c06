using System.Net.Sockets;
using Hailuo.Contracts.Errors;
using Hailuo.Contracts.Transport;
using Polly;
using Polly.Timeout;

namespace Hailuo.Contracts.Resilience;

/// <summary>Which failures are retried: any transient one for reads, only "surely nothing was created" for the submit.</summary>
internal static class RetryDecisions
{
    /// <summary>Reads change nothing on the server, so every transient failure may be tried again.</summary>
    public static bool IsTransientRead(Outcome<WireResponse> outcome, TimeSpan maxRetryAfter) => outcome.Exception switch
    {
        null => outcome.Result is { } response && IsTransientAnswer(response) && WithinRetryAfter(response, maxRetryAfter),
        OperationCanceledException => false,
        var e => IsTransientException(e),
    };

    /// <summary>
    /// The submit is retried only when the server cannot have created a task: it refused (429, MiniMax 1002, 503,
    /// which the service sends before processing) or the connection was never made. A timeout or a reset after the
    /// body was sent is never retried: the task may exist.
    /// </summary>
    public static bool IsSafeSubmitRetry(Outcome<WireResponse> outcome, TimeSpan maxRetryAfter) => outcome.Exception switch
    {
        null => outcome.Result is { } response && IsRefusal(response) && WithinRetryAfter(response, maxRetryAfter),
        var e => IsConnectFailure(e),
    };

    /// <summary>The server said "not now" before doing any work.</summary>
    public static bool IsRefusal(WireResponse response) =>
        response.EffectiveStatus is 429 or 503 || ErrorMeanings.Is(response.Error?.Code, ErrorMeanings.RateLimited);

    /// <summary>Rate limits and server errors, by HTTP status or by the spec's meaning of the provider's code.</summary>
    public static bool IsTransientAnswer(WireResponse response) =>
        IsTransientStatus(response.EffectiveStatus) || ErrorMeanings.Of(response.Error?.Code) is ErrorMeanings.RateLimited or ErrorMeanings.ServerError;

    /// <summary>The one table of HTTP statuses counted as transient, for API calls and downloads alike.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>A server or gateway error that may come after the task was created: the submit's outcome is unknown.</summary>
    public static bool MayHaveCreated(WireResponse response) =>
        response.EffectiveStatus is 500 or 502 or 504 || ErrorMeanings.Is(response.Error?.Code, ErrorMeanings.ServerError);

    /// <summary>Network failures and attempt timeouts.</summary>
    public static bool IsTransientException(Exception exception) =>
        exception is HttpRequestException or IOException or TimeoutRejectedException;

    /// <summary>No connection was made, so no byte of the request reached the server.</summary>
    public static bool IsConnectFailure(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        || exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound };

    /// <summary>A Retry-After beyond the limit is not waited out inside a call: the caller gets it on the exception.</summary>
    private static bool WithinRetryAfter(WireResponse response, TimeSpan maxRetryAfter) =>
        response.RetryAfter is not { } wait || wait <= maxRetryAfter;
}
