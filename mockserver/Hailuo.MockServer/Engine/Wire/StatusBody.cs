using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;

namespace Hailuo.MockServer.Wire;

/// <summary>A task's status as each dialect writes it at a given moment; callbacks send the same bodies.</summary>
internal static class StatusBody
{
    public static object For(TaskRecord task, DateTimeOffset at, string baseUrl, DownloadSigner signer) =>
        For(task, at, baseUrl, signer, ApiMartStatusWords.DesignCard);

    public static object For(TaskRecord task, DateTimeOffset at, string baseUrl, DownloadSigner signer, ApiMartStatusWords words) =>
        task.Dialect == WireDialect.ApiMart ? ApiMart(task, at, baseUrl, signer, words) : MiniMax(task, at);

    public static ApiMartEnvelope<ApiMartTaskData> ApiMart(TaskRecord task, DateTimeOffset at, string baseUrl, DownloadSigner signer) =>
        ApiMart(task, at, baseUrl, signer, ApiMartStatusWords.DesignCard);

    /// <summary>
    /// The URL is signed afresh at <paramref name="at"/>; once the file is deleted the video shows the last URL it had,
    /// with its expires_at in the past (APIMart documents no other sign of a deleted file).
    /// </summary>
    public static ApiMartEnvelope<ApiMartTaskData> ApiMart(TaskRecord task, DateTimeOffset at, string baseUrl, DownloadSigner signer, ApiMartStatusWords words)
    {
        var phase = task.PhaseAt(at);
        var done = phase == TaskPhase.Completed;
        var failure = phase == TaskPhase.Failed ? Failure(task.Outcome) : null;
        var data = new ApiMartTaskData(
            Id: task.Id,
            Status: SpecWords.ApiMartStatus(phase, words),
            Progress: task.ProgressAt(at),
            Result: done ? new ApiMartResult(new[] { new ApiMartVideo(new[] { DownloadUrl(task, at, baseUrl, signer) }, task.UrlExpiryAt(at).ToUnixTimeSeconds()) }) : null,
            Created: task.CreatedAt.ToUnixTimeSeconds(),
            Completed: done ? task.FinishedAt.ToUnixTimeSeconds() : null,
            EstimatedTime: (int)Math.Ceiling((task.FinishedAt - task.CreatedAt).TotalSeconds),
            ActualTime: done ? (int)Math.Ceiling((task.FinishedAt - task.CreatedAt).TotalSeconds) : null,
            Error: failure is null ? null : new ApiMartTaskError(failure.Value.Code, failure.Value.Message),
            ErrorMessage: failure?.Message);
        return new ApiMartEnvelope<ApiMartTaskData>(200, data);
    }

    public static MiniMaxQuery MiniMax(TaskRecord task, DateTimeOffset at)
    {
        var phase = task.PhaseAt(at);
        var done = phase == TaskPhase.Completed;
        var failure = phase == TaskPhase.Failed ? Failure(task.Outcome) : null;
        // A flagged task names its code in base_resp; any other failure is status Fail with base_resp 0, the only way MiniMax's own clients reach their "task failed" branch.
        var status = failure is { } f && task.Outcome == TaskOutcome.ContentPolicy ? new BaseResp(f.MiniMaxCode, f.Message) : BaseResp.Success;
        return new MiniMaxQuery(task.Id, SpecWords.MiniMaxStatus(phase), done ? task.FileId : null, done ? task.Width : null, done ? task.Height : null, status);
    }

    /// <summary>The URL issued at completion.</summary>
    public static string DownloadUrl(TaskRecord task, string baseUrl, DownloadSigner signer) =>
        baseUrl + signer.PathAndQuery(task.FileId, task.UrlExpiresAt);

    /// <summary>A URL signed at <paramref name="at"/>: each query hands out a fresh one while the file is kept.</summary>
    public static string DownloadUrl(TaskRecord task, DateTimeOffset at, string baseUrl, DownloadSigner signer) =>
        baseUrl + signer.PathAndQuery(task.FileId, task.UrlExpiryAt(at));

    private static (string Code, int MiniMaxCode, string Message)? Failure(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.ContentPolicy => ("content_policy_violation", SpecWords.MiniMaxCode(ErrorMeanings.ContentPolicy),
            "The input was flagged as sensitive content (simulated: the prompt contains " + PromptMarkers.ContentPolicy + ")."),
        TaskOutcome.Failure => ("generation_failed", SpecWords.MiniMaxCode(ErrorMeanings.ServerError),
            "Video generation failed (simulated: the prompt contains " + PromptMarkers.Failure + ")."),
        _ => null,
    };
}
