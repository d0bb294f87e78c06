namespace Hailuo.Contracts;

/// <summary>One report of a wait: sent after every poll, so elapsed time moves even when the status does not.</summary>
/// <param name="Task">The task as this poll saw it.</param>
/// <param name="Elapsed">Time since the wait began, by the client's clock.</param>
/// <param name="Polls">How many polls have answered so far.</param>
/// <param name="StatusChanged">Whether the status differs from the one before (always true for the first report).</param>
public sealed record VideoTaskProgress(VideoTask Task, TimeSpan Elapsed, int Polls, bool StatusChanged)
{
    /// <summary>The status this poll saw.</summary>
    public VideoTaskStatus Status => Task.Status;
}
