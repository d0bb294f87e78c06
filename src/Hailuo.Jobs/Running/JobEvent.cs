using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>A job moved on: a new state in the ledger, or a poll of its task.</summary>
/// <param name="Key">The job key.</param>
/// <param name="State">Its state in the ledger.</param>
/// <param name="TaskId">Its task id, once known.</param>
/// <param name="TaskStatus">The task's status at the last poll, while waiting.</param>
/// <param name="Message">What happened, in words.</param>
public sealed record JobEvent(string Key, JobState State, string? TaskId, VideoTaskStatus? TaskStatus, string Message);
