using Microsoft.Extensions.Logging;

namespace Hailuo.Contracts.Telemetry;

/// <summary>The client's log events: ids, statuses, delays and codes; never the key, the prompt or a signed URL.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(1, LogLevel.Information, "Submitting {Model} {Mode} {Resolution} {Duration} s to {Provider}; estimated cost {Cost}")]
    public static partial void Submitting(ILogger logger, string provider, string? model, string mode, string resolution, int duration, string cost);

    [LoggerMessage(2, LogLevel.Information, "{Provider} accepted task {TaskId}")]
    public static partial void Submitted(ILogger logger, string provider, string taskId);

    [LoggerMessage(3, LogLevel.Warning, "Retrying {Operation} on {Provider} in {Delay} (retry {Attempt}): {Reason}; Trace-Id {TraceId}")]
    public static partial void Retrying(ILogger logger, string operation, string provider, TimeSpan delay, int attempt, string reason, string? traceId);

    // VideoTaskStatus is emitted by the vocabulary generator, which the logging generator cannot see: these two are defined by hand.
    private static readonly Action<ILogger, string, VideoTaskStatus, string?, TimeSpan, Exception?> PolledMessage =
        LoggerMessage.Define<string, VideoTaskStatus, string?, TimeSpan>(LogLevel.Debug, new EventId(4, nameof(Polled)), "Task {TaskId} is {Status} ({StatusWord}) after {Elapsed}");

    private static readonly Action<ILogger, string, VideoTaskStatus, TimeSpan, Exception?> FinishedMessage =
        LoggerMessage.Define<string, VideoTaskStatus, TimeSpan>(LogLevel.Information, new EventId(5, nameof(Finished)), "Task {TaskId} ended {Status} after {Elapsed}");

    public static void Polled(ILogger logger, string taskId, VideoTaskStatus status, string? statusWord, TimeSpan elapsed) => PolledMessage(logger, taskId, status, statusWord, elapsed, null);

    public static void Finished(ILogger logger, string taskId, VideoTaskStatus status, TimeSpan elapsed) => FinishedMessage(logger, taskId, status, elapsed, null);

    [LoggerMessage(6, LogLevel.Warning, "Polling task {TaskId} failed ({Reason}); polling again in {Delay}")]
    public static partial void PollFailed(ILogger logger, string taskId, string reason, TimeSpan delay);

    [LoggerMessage(7, LogLevel.Error, "Submit to {Provider} has an unknown outcome ({Reason}); not retried, so no second task is paid for")]
    public static partial void OutcomeUnknown(ILogger logger, string provider, string reason);

    [LoggerMessage(8, LogLevel.Warning, "Download URL of task {TaskId} has expired; asking {Provider} for a fresh one (refresh {Refresh})")]
    public static partial void RefreshingUrl(ILogger logger, string taskId, string provider, int refresh);

    [LoggerMessage(9, LogLevel.Information, "Downloaded {Bytes} bytes of task {TaskId}")]
    public static partial void Downloaded(ILogger logger, long bytes, string taskId);

    [LoggerMessage(10, LogLevel.Warning, "Task {TaskId} reports a status word the client does not know: {StatusWord}; still waiting")]
    public static partial void UnknownStatus(ILogger logger, string taskId, string? statusWord);
}
