namespace Hailuo.Contracts;

/// <summary>A task's status in one vocabulary, whichever words the provider used on the wire.</summary>
public enum VideoTaskStatus
{
    /// <summary>A word the client does not know; it keeps waiting, since only known end words end a wait.</summary>
    Unknown,

    /// <summary>Accepted and initialising: APIMart "submitted", MiniMax "Preparing".</summary>
    Submitted,

    /// <summary>Waiting for a GPU: "queued", "pending", MiniMax "Queueing".</summary>
    Queued,

    /// <summary>Rendering: "processing", MiniMax "Processing".</summary>
    Processing,

    /// <summary>Done, the video is ready: "completed", "success", MiniMax "Success".</summary>
    Completed,

    /// <summary>Ended without a video: "failed", MiniMax "Fail".</summary>
    Failed,

    /// <summary>Cancelled before it finished: "cancelled" (or "canceled").</summary>
    Cancelled,
}

/// <summary>Reads the status words of both dialects.</summary>
public static class VideoTaskStatusWords
{
    /// <summary>
    /// The status a wire word means, ignoring case: submitted, queued, pending, processing, completed, success, failed,
    /// cancelled, and MiniMax's Preparing, Queueing, Processing, Success, Fail. Anything else is <see cref="VideoTaskStatus.Unknown"/>.
    /// </summary>
    public static VideoTaskStatus Parse(string? word) => word?.Trim().ToUpperInvariant() switch
    {
        "SUBMITTED" or "PREPARING" => VideoTaskStatus.Submitted,
        "QUEUED" or "QUEUEING" or "QUEUING" or "PENDING" => VideoTaskStatus.Queued,
        "PROCESSING" or "RUNNING" or "IN_PROGRESS" => VideoTaskStatus.Processing,
        "COMPLETED" or "SUCCESS" or "SUCCEEDED" => VideoTaskStatus.Completed,
        "FAILED" or "FAIL" or "FAILURE" => VideoTaskStatus.Failed,
        "CANCELLED" or "CANCELED" => VideoTaskStatus.Cancelled,
        _ => VideoTaskStatus.Unknown,
    };

    /// <summary>Whether the status is an end: completed, failed or cancelled.</summary>
    public static bool IsTerminal(this VideoTaskStatus status) =>
        status is VideoTaskStatus.Completed or VideoTaskStatus.Failed or VideoTaskStatus.Cancelled;
}
