namespace Hailuo.Jobs;

/// <summary>Where a job is; each state is written to the ledger before the step that follows it starts.</summary>
public enum JobState
{
    /// <summary>Recorded, nothing sent yet: resuming submits it.</summary>
    Created,

    /// <summary>The submit intent is recorded and the POST may be on the wire; no task id yet.</summary>
    Submitting,

    /// <summary>The provider accepted the submit; the task id is recorded.</summary>
    Submitted,

    /// <summary>The task completed; its MP4 is still to be stored.</summary>
    Completed,

    /// <summary>The MP4 landed in the sink; its location and SHA-256 are recorded.</summary>
    Stored,

    /// <summary>The task failed, or the submit was refused, or the video is no longer kept: nothing more to do.</summary>
    Failed,

    /// <summary>The submit may have created a paid task whose id never arrived: the user resolves it; it is never resubmitted silently.</summary>
    OutcomeUnknown,
}

/// <summary>Which states end a job: the one list every store's queries and the runner read.</summary>
public static class JobStates
{
    /// <summary>The states in which nothing more happens to a job without a person (or a callback) acting.</summary>
    public static IReadOnlyList<JobState> Finished { get; } = [JobState.Stored, JobState.Failed];

    /// <summary>The names of <see cref="Finished"/> as the ledgers write them.</summary>
    public static IReadOnlyList<string> FinishedNames { get; } = [.. Finished.Select(s => s.ToString())];

    /// <summary>Whether nothing more happens to a job in this state without a person (or a callback) acting.</summary>
    public static bool IsFinished(this JobState state) => Finished.Contains(state);
}
