using System.Globalization;
using Hailuo.Contracts;

namespace Hailuo.MockServer.Wire;

/// <summary>Error answers in each dialect's shape: APIMart {"code","error":{...}}, MiniMax {"base_resp":{...}}.</summary>
internal static class ErrorAnswer
{
    public static WireAnswer Create(
        WireDialect dialect,
        int httpStatus,
        string meaning,
        string type,
        string message,
        IReadOnlyList<FieldProblem>? details = null,
        TimeSpan? retryAfter = null)
    {
        var first = details is { Count: > 0 } ? details[0] : null;
        var answer = dialect == WireDialect.ApiMart
            ? WireAnswer.Json(new ApiMartError(httpStatus, new ApiMartErrorDetail(message, type, first?.Field, first?.Code, details)), httpStatus)
            : WireAnswer.Json(new MiniMaxError(new BaseResp(SpecWords.MiniMaxCode(meaning), message), details), httpStatus);
        return retryAfter is { } wait ? answer.With("Retry-After", Seconds(wait)) : answer;
    }

    public static WireAnswer Invalid(WireDialect dialect, IReadOnlyList<FieldProblem> problems) =>
        Create(dialect, 400, ErrorMeanings.InvalidParameters, "invalid_request_error", string.Join(" ", problems.Select(p => p.Message)), problems);

    public static WireAnswer NotFound(WireDialect dialect, string what) =>
        Create(dialect, 404, ErrorMeanings.InvalidParameters, "not_found_error", what);

    /// <summary>Retry-After in whole seconds, rounded up so a client that honours it is never early.</summary>
    public static string Seconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
