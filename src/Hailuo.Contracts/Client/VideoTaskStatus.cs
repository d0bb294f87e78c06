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
    public static VideoTaskStatus Parse(string? word)
    {
        var trimmed = word?.Trim();

        // The spec's dialects say what each documented word means; restated nowhere else.
        var meaning = HailuoSpec.Dialects.Select(d => d.StatusMeaning(trimmed)).FirstOrDefault(m => m is not null);
        return meaning switch
        {
            "submitted" => VideoTaskStatus.Submitted,
            "queued" => VideoTaskStatus.Queued,
            "processing" => VideoTaskStatus.Processing,
            "completed" => VideoTaskStatus.Completed,
            "failed" => VideoTaskStatus.Failed,
            "cancelled" => VideoTaskStatus.Cancelled,
            _ => Undocumented(trimmed),
        };
    }

    // Spellings no source documents but APIs of this kind use; tolerated so a wait does not hang on them.
    private static VideoTaskStatus Undocumented(string? word) => word?.ToUpperInvariant() switch
    {
        "QUEUING" => VideoTaskStatus.Queued,
        "RUNNING" or "IN_PROGRESS" => VideoTaskStatus.Processing,
        "SUCCEEDED" => VideoTaskStatus.Completed,
        "FAILURE" => VideoTaskStatus.Failed,
        "CANCELED" => VideoTaskStatus.Cancelled,
        _ => VideoTaskStatus.Unknown,
    };

    /// <summary>Whether the status is an end: completed, failed or cancelled.</summary>
    public static bool IsTerminal(this VideoTaskStatus status) =>
        status is VideoTaskStatus.Completed or VideoTaskStatus.Failed or VideoTaskStatus.Cancelled;
}
