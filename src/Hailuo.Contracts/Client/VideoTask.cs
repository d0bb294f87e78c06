using System.Globalization;

namespace Hailuo.Contracts;

/// <summary>
/// A generation task as last seen. Keep <see cref="Id"/> (and <see cref="Provider"/>) to resume waiting in another
/// process: <see cref="HailuoClient.WaitForCompletionAsync(string, IProgress{VideoTaskProgress}?, CancellationToken)"/>.
/// </summary>
public sealed record VideoTask
{
    /// <summary>The provider's task id, such as "task_01K8…" (APIMart) or "106916112212032" (MiniMax).</summary>
    public required string Id { get; init; }

    /// <summary>The provider's name, such as "APIMart".</summary>
    public required string Provider { get; init; }

    /// <summary>The status, normalised.</summary>
    public VideoTaskStatus Status { get; init; }

    /// <summary>The status word exactly as the provider wrote it.</summary>
    public string? StatusWord { get; init; }

    /// <summary>Percent done, 0 to 100, when the provider reports it.</summary>
    public int? Progress { get; init; }

    /// <summary>The model id, when this client submitted the task.</summary>
    public string? Model { get; init; }

    /// <summary>The resolution, such as "768p", when this client submitted the task.</summary>
    public string? Resolution { get; init; }

    /// <summary>Seconds of video, when this client submitted the task.</summary>
    public int? Duration { get; init; }

    /// <summary>The cost by the spec's prices, when this client submitted the task.</summary>
    public CostEstimate? EstimatedCost { get; init; }

    /// <summary>When this client's submit was accepted, by its clock.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The MP4's URL once completed; a signed URL that expires, so it is left out of <see cref="ToString"/>.</summary>
    public Uri? VideoUrl { get; init; }

    /// <summary>When <see cref="VideoUrl"/> stops working, when the provider says.</summary>
    public DateTimeOffset? VideoUrlExpiresAt { get; init; }

    /// <summary>MiniMax's file id of the finished video (the download URL comes from the file-retrieve endpoint).</summary>
    public string? FileId { get; init; }

    /// <summary>Width of the finished video in pixels, when the provider says.</summary>
    public int? VideoWidth { get; init; }

    /// <summary>Height of the finished video in pixels, when the provider says.</summary>
    public int? VideoHeight { get; init; }

    /// <summary>The provider's failure code as text, such as "1026" or "content_policy_violation".</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The provider's words about a failure.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Whether the task has ended: completed, failed or cancelled.</summary>
    public bool IsTerminal => Status.IsTerminal();

    /// <summary>A task known only by its stored id, to resume waiting on.</summary>
    public static VideoTask FromId(string id, string provider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        return new VideoTask { Id = id, Provider = provider };
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Provider} task {Id}: {Status}" + (Progress is { } p ? " " + p.ToString(CultureInfo.InvariantCulture) + " %" : string.Empty);
}
