namespace Hailuo.MockServer;

/// <summary>Where a task is in its life; each dialect has its own words for these (see docs/SIMULATOR.md).</summary>
public enum TaskPhase
{
    /// <summary>APIMart "submitted", MiniMax "Preparing".</summary>
    Submitted,

    /// <summary>APIMart "queued", MiniMax "Queueing".</summary>
    Queued,

    /// <summary>APIMart "processing", MiniMax "Processing".</summary>
    Processing,

    /// <summary>APIMart "completed", MiniMax "Success": the MP4 can be downloaded.</summary>
    Completed,

    /// <summary>APIMart "failed", MiniMax "Fail".</summary>
    Failed,
}

/// <summary>How a task ends, chosen at submit from the prompt markers.</summary>
public enum TaskOutcome
{
    /// <summary>The task completes with a video.</summary>
    Success,

    /// <summary>The prompt contained "#sim-content-policy": the task fails as sensitive content (MiniMax 1026).</summary>
    ContentPolicy,

    /// <summary>The prompt contained "#sim-fail": the task fails with a generic error.</summary>
    Failure,
}

/// <summary>Whether the callback receiver of a task proved itself by echoing the challenge.</summary>
public enum CallbackState
{
    /// <summary>The task has no callback_url.</summary>
    None,

    /// <summary>The challenge has not been answered yet.</summary>
    Pending,

    /// <summary>The receiver echoed the challenge in time; it gets status notifications.</summary>
    Verified,

    /// <summary>The receiver failed, answered wrongly or too late; it gets no notifications.</summary>
    Rejected,
}

/// <summary>A task the simulator holds, as seen at the moment the task list was read.</summary>
/// <param name="Id">The task id as the dialect writes it.</param>
/// <param name="Dialect">Which wire dialect created it.</param>
/// <param name="Model">Model id.</param>
/// <param name="Mode">Input mode.</param>
/// <param name="Resolution">Resolution name as the spec writes it, such as "768p".</param>
/// <param name="Duration">Seconds of video.</param>
/// <param name="Width">Width of the MP4 in pixels.</param>
/// <param name="Height">Height of the MP4 in pixels.</param>
/// <param name="FileId">Id of the MP4 file once completed.</param>
/// <param name="CreatedAt">Submit time on the simulator's clock.</param>
/// <param name="FinishedAt">When it completes or fails.</param>
/// <param name="Cost">Dollars charged at submit (0 where the spec publishes no price).</param>
/// <param name="Outcome">How it ends.</param>
/// <param name="Phase">Its phase when the task list was read.</param>
/// <param name="CallbackUrl">Where notifications go, if anywhere.</param>
/// <param name="Callback">Whether the callback receiver is verified.</param>
/// <param name="Prompt">The prompt as submitted, to find a test's own task.</param>
/// <param name="RequestId">The X-Request-Id of the submit that created it (see <see cref="JournalEntry.RequestId"/>).</param>
public sealed record SimulatedTask(
    string Id,
    Contracts.WireDialect Dialect,
    string Model,
    Contracts.VideoMode Mode,
    string Resolution,
    int Duration,
    int Width,
    int Height,
    string FileId,
    DateTimeOffset CreatedAt,
    DateTimeOffset FinishedAt,
    decimal Cost,
    TaskOutcome Outcome,
    TaskPhase Phase,
    string? CallbackUrl,
    CallbackState Callback,
    string Prompt = "",
    string RequestId = "");
