namespace Hailuo.Jobs;

/// <summary>One job (one clip) as the ledger holds it.</summary>
public sealed record JobRecord
{
    /// <summary>The user's job key: starting a job with a key already in the ledger returns this job.</summary>
    public required string Key { get; init; }

    /// <summary>The provider's name, such as "APIMart".</summary>
    public required string Provider { get; init; }

    /// <summary>Where the job is.</summary>
    public JobState State { get; init; }

    /// <summary>The request as JSON, exactly as it is (or was) submitted.</summary>
    public required string Request { get; init; }

    /// <summary>The estimated cost in US dollars by the spec's prices, or null where unpublished.</summary>
    public decimal? EstimatedDollars { get; init; }

    /// <summary>The callback URL the submit carries (the job key and the job's own secret), when a receiver is configured.</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>The provider's task id once known.</summary>
    public string? TaskId { get; init; }

    /// <summary>How many submits were put on the wire (more than one only after an opt-in resubmit).</summary>
    public int Submits { get; init; }

    /// <summary>When the last submit was put on the wire, by the runner's clock.</summary>
    public DateTimeOffset? SubmitSentAt { get; init; }

    /// <summary>Where the sink stored the MP4.</summary>
    public string? Location { get; init; }

    /// <summary>Lower-case hex SHA-256 of the stored MP4.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Size of the stored MP4 in bytes.</summary>
    public long? Bytes { get; init; }

    /// <summary>Why the job failed or is in doubt, in words.</summary>
    public string? Error { get; init; }

    /// <summary>When the job was created, by the runner's clock.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the job last changed, by the runner's clock.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the task was seen completed, by the runner's clock: the provider's retention counts from here.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>
    /// When the receiver answered the provider's callback challenge for the current submit, by the runner's clock: proof
    /// that the provider received it, so a job without a task id is never resubmitted after it (the task likely exists).
    /// </summary>
    public DateTimeOffset? ChallengedAt { get; init; }

    /// <summary>The ledger's version of this row: a write succeeds only over the version it was read at.</summary>
    public long Version { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"job {Key}: {State}" + (TaskId is null ? string.Empty : " task " + TaskId);
}
