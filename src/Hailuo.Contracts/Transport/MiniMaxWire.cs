namespace Hailuo.Contracts.Transport;

/// <summary>MiniMax: POST /v1/video_generation, GET /v1/query/video_generation, GET /v1/files/retrieve; errors in base_resp.</summary>
internal sealed class MiniMaxWire : IWireDialect
{
    public static MiniMaxWire Instance { get; } = new();

    public string SubmitPath => "/v1/video_generation";

    public string StatusPath(string taskId) => "/v1/query/video_generation?task_id=" + Uri.EscapeDataString(taskId);

    public static string FilePath(string fileId) => "/v1/files/retrieve?file_id=" + Uri.EscapeDataString(fileId);

    public ProviderError? ReadError(int httpStatus, byte[] body)
    {
        var answer = JsonBody.TryRead(body, HailuoJsonContext.Default.MiniMaxAnswer);

        // A query of a failed task carries the failure in base_resp: that is the task's outcome, not a failed call.
        if (answer?.BaseResp is { StatusCode: not 0 } resp && answer.Status is null)
        {
            return new ProviderError(resp.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), resp.StatusMsg, null, answer.Details);
        }

        return httpStatus is >= 200 and < 300 ? null : new ProviderError(null, answer?.BaseResp?.StatusMsg, null, answer?.Details);
    }

    public string? ReadTaskId(byte[] body)
    {
        var answer = JsonBody.TryRead(body, HailuoJsonContext.Default.MiniMaxAnswer);
        return string.IsNullOrEmpty(answer?.TaskId) ? null : answer.TaskId;
    }

    public TaskSnapshot? ReadStatus(byte[] body)
    {
        var answer = JsonBody.TryRead(body, HailuoJsonContext.Default.MiniMaxAnswer);
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

    /// <summary>The download URL of a file-retrieve answer, or null.</summary>
    public static Uri? ReadDownloadUrl(byte[] body) =>
        Uri.TryCreate(JsonBody.TryRead(body, HailuoJsonContext.Default.MiniMaxAnswer)?.File?.DownloadUrl, UriKind.Absolute, out var url) ? url : null;
}
