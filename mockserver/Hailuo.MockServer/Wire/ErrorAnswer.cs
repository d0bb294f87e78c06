using System.Globalization;
using Hailuo.Contracts;
using Microsoft.AspNetCore.Http;

namespace Hailuo.MockServer.Wire;

/// <summary>Error answers in each dialect's shape: APIMart {"code","error":{...}}, MiniMax {"base_resp":{...}}.</summary>
internal static class ErrorAnswer
{
    public static IResult Create(
        WireDialect dialect,
        int httpStatus,
        int miniMaxCode,
        string type,
        string message,
        IReadOnlyList<FieldProblem>? details = null,
        TimeSpan? retryAfter = null)
    {
        var first = details is { Count: > 0 } ? details[0] : null;
        IResult body = dialect == WireDialect.ApiMart
            ? Results.Json(new ApiMartError(httpStatus, new ApiMartErrorDetail(message, type, first?.Field, first?.Code, details)), WireJson.Options, statusCode: httpStatus)
            : Results.Json(new MiniMaxError(new BaseResp(miniMaxCode, message), details), WireJson.Options, statusCode: httpStatus);
        return retryAfter is { } wait ? new WithRetryAfter(body, wait) : body;
    }

    public static IResult Invalid(WireDialect dialect, IReadOnlyList<FieldProblem> problems) =>
        Create(dialect, StatusCodes.Status400BadRequest, MiniMaxCodes.InvalidParams, "invalid_request_error", string.Join(" ", problems.Select(p => p.Message)), problems);

    public static IResult NotFound(WireDialect dialect, string what) =>
        Create(dialect, StatusCodes.Status404NotFound, MiniMaxCodes.InvalidParams, "not_found_error", what);

    /// <summary>Retry-After in whole seconds, rounded up so a client that honours it is never early.</summary>
    public static string Seconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private sealed class WithRetryAfter(IResult inner, TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Seconds(wait);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
