using Hailuo.Contracts;

namespace Hailuo.MockServer.Simulation;

/// <summary>A task as stored: every moment of its life is fixed at submit, so its status is a function of the clock alone.</summary>
internal sealed class TaskRecord
{
    private int _callback;
    private Wire.StatusBytes? _lastStatus;

    public required string Id { get; init; }

    public required long Number { get; init; }

    public required WireDialect Dialect { get; init; }

    public required string Owner { get; init; }

    public required string Model { get; init; }

    public string Prompt { get; init; } = string.Empty;

    /// <summary>The X-Request-Id of the submit that created it.</summary>
    public string RequestId { get; init; } = string.Empty;

    public required VideoMode Mode { get; init; }

    public required string Resolution { get; init; }

    public required int Duration { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public required string FileId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    public required DateTimeOffset ProcessingAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>When the URL issued at completion expires (FinishedAt + UrlLifetime); each later URL lives as long.</summary>
    public required DateTimeOffset UrlExpiresAt { get; init; }

    /// <summary>When the finished file is deleted (FinishedAt + FileRetention); never, unless set.</summary>
    public DateTimeOffset FileExpiresAt { get; init; } = DateTimeOffset.MaxValue;

    public required decimal Cost { get; init; }

    public required TaskOutcome Outcome { get; init; }

    public string? CallbackUrl { get; init; }

    /// <summary>What the request's first_frame_image was (a data URL's image), which the first picture of the MP4 shows.</summary>
    public FirstFrameSummary? FirstFrame { get; init; }

    public CallbackState Callback
    {
        get => (CallbackState)Volatile.Read(ref _callback);
        set => Volatile.Write(ref _callback, (int)value);
    }

    /// <summary>The last status answer written for this task, reused by polls while it shows the same.</summary>
    public Wire.StatusBytes? LastStatus
    {
        get => Volatile.Read(ref _lastStatus);
        set => Volatile.Write(ref _lastStatus, value);
    }

    public TaskPhase PhaseAt(DateTimeOffset now) =>
        now >= FinishedAt ? (Outcome == TaskOutcome.Success ? TaskPhase.Completed : TaskPhase.Failed)
        : now >= ProcessingAt ? TaskPhase.Processing
        : now >= QueuedAt ? TaskPhase.Queued
        : TaskPhase.Submitted;

    /// <summary>Whether the finished video can still be had at that moment.</summary>
    public bool IsFileKeptAt(DateTimeOffset now) => PhaseAt(now) == TaskPhase.Completed && now < FileExpiresAt;

    /// <summary>When a URL signed at that moment expires: a URL lifetime later, but never after the file is deleted.</summary>
    public DateTimeOffset UrlExpiryAt(DateTimeOffset signedAt)
    {
        var lifetime = UrlExpiresAt - FinishedAt;
        return signedAt < FileExpiresAt - lifetime ? signedAt + lifetime : FileExpiresAt;
    }

    /// <summary>0 until processing, then rising evenly to 99; 100 once completed. A failed task keeps what it reached.</summary>
    public int ProgressAt(DateTimeOffset now)
    {
        var phase = PhaseAt(now);
        if (phase == TaskPhase.Completed)
        {
            return 100;
        }

        if (phase is TaskPhase.Submitted or TaskPhase.Queued)
        {
            return 0;
        }

        var render = FinishedAt - ProcessingAt;
        if (render <= TimeSpan.Zero)
        {
            return 99;
        }

        var done = (phase == TaskPhase.Failed ? render : now - ProcessingAt) / render;
        return Math.Clamp((int)(done * 99), 0, 99);
    }

    /// <summary>The moments at which the phase changes after submit, in order.</summary>
    public IEnumerable<(TaskPhase Phase, DateTimeOffset At)> Transitions()
    {
        yield return (TaskPhase.Queued, QueuedAt);
        yield return (TaskPhase.Processing, ProcessingAt);
        yield return (PhaseAt(FinishedAt), FinishedAt);
    }

    public SimulatedTask ToSnapshot(DateTimeOffset now) => new(
        Id, Dialect, Model, Mode, Resolution, Duration, Width, Height, FileId, CreatedAt, FinishedAt, Cost, Outcome, PhaseAt(now), CallbackUrl, Callback, Prompt, RequestId);
}
