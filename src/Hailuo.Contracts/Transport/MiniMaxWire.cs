namespace Hailuo.Contracts.Transport;

/// <summary>How MiniMax's answers read: one shape for submit, query and file retrieve, errors in base_resp.</summary>
internal static class MiniMaxWire
{
    /// <summary>The header MiniMax's answers carry their trace id in, as the spec's dialect names it.</summary>
    public static readonly string? TraceIdHeader = HailuoSpec.MiniMaxDialect.TraceIdHeader;

    public static ProviderError? ReadError(int httpStatus, MiniMaxAnswer? answer)
    {
        // A query of a failed task carries the failure in base_resp: that is the task's outcome, not a failed call.
        if (answer?.BaseResp is { StatusCode: not 0 } resp && answer.Status is null)
        {
            return new ProviderError(resp.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), resp.StatusMsg, null, answer.Details);
        }

        return httpStatus is >= 200 and < 300 ? null : new ProviderError(null, answer?.BaseResp?.StatusMsg, null, answer?.Details);
    }

    /// <summary>
    /// An error of a task query or file retrieve: inside HTTP 200, "invalid parameters" can only mean an id the service
    /// does not know (MiniMax has no not-found code), so it decides as a 404 would.
    /// </summary>
    public static ProviderError? ReadReadError(int httpStatus, MiniMaxAnswer? answer) =>
        ReadError(httpStatus, answer) is { } error && httpStatus is >= 200 and < 300 && ErrorMeanings.Is(error.Code, ErrorMeanings.InvalidParameters)
            ? error with { HttpStatus = 404 }
            : ReadError(httpStatus, answer);

    public static string? ReadTaskId(MiniMaxAnswer answer) => string.IsNullOrEmpty(answer.TaskId) ? null : answer.TaskId;

    public static TaskSnapshot? ReadStatus(MiniMaxAnswer? answer)
    {
        if (answer?.Status is null)
        {
            return null;
        }

        var failed = answer.BaseResp is { StatusCode: not 0 };
        return new TaskSnapshot(
            Id: answer.TaskId,
            StatusWord: answer.Status,
            Progress: null,
            VideoUrl: null,
            VideoUrlExpiresAt: null,
            FileId: string.IsNullOrEmpty(answer.FileId) ? null : answer.FileId,
            Width: answer.VideoWidth,
            Height: answer.VideoHeight,
            ErrorCode: failed ? answer.BaseResp!.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ErrorMessage: failed ? answer.BaseResp!.StatusMsg : null);
    }

    public static Uri? ReadDownloadUrl(MiniMaxAnswer answer) =>
        Uri.TryCreate(answer.File?.DownloadUrl, UriKind.Absolute, out var url) ? url : null;
}
