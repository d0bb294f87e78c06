namespace Hailuo.Contracts.Transport;

/// <summary>One answer as the client needs it: what retry decisions and error mapping read, and what the typed body said.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="RetryAfter">The Retry-After header as a delay from now, when present.</param>
/// <param name="RequestId">The service's request id header, when present.</param>
/// <param name="Error">The provider error the body carries, even on HTTP 200 (MiniMax base_resp, APIMart code).</param>
internal sealed record WireResponse(int Status, TimeSpan? RetryAfter, string? RequestId, ProviderError? Error)
{
    public bool IsSuccess => Status is >= 200 and < 300 && Error is null;

    /// <summary>The new task's id, in a submit answer.</summary>
    public string? TaskId { get; init; }

    /// <summary>The task's state, in a status answer.</summary>
    public TaskSnapshot? Snapshot { get; init; }

    /// <summary>The service's trace id header (MiniMax: Trace-Id), when present.</summary>
    public string? TraceId { get; init; }

    /// <summary>
    /// The status the answer means: the HTTP status, or, for an error carried inside an HTTP 200 body, the status the
    /// body names (APIMart's "code"). Decisions read this, so both transports of an error decide alike.
    /// </summary>
    public int EffectiveStatus => Status is >= 200 and < 300 && Error?.HttpStatus is { } inBody ? inBody : Status;

    /// <summary>The signed download URL, in a file-retrieve answer.</summary>
    public Uri? DownloadUrl { get; init; }
}

/// <summary>What a provider's error body says.</summary>
/// <param name="Code">The code as text: MiniMax's status_code, or APIMart's error.code / code.</param>
/// <param name="Message">The provider's message.</param>
/// <param name="Type">APIMart's error.type, such as "authentication_error".</param>
/// <param name="Details">The failing fields of a validation error.</param>
/// <param name="HttpStatus">The HTTP status the body names, where the dialect repeats it there (APIMart's top-level "code").</param>
internal sealed record ProviderError(string? Code, string? Message, string? Type, IReadOnlyList<WireFieldProblem>? Details, int? HttpStatus = null);

/// <summary>A task's state as one status answer gave it, before it is merged into a <see cref="VideoTask"/>.</summary>
internal sealed record TaskSnapshot(
    string? Id,
    string? StatusWord,
    int? Progress,
    Uri? VideoUrl,
    DateTimeOffset? VideoUrlExpiresAt,
    string? FileId,
    int? Width,
    int? Height,
    string? ErrorCode,
    string? ErrorMessage);

/// <summary>A download URL and when it stops working.</summary>
internal readonly record struct SignedUrl(Uri Url, DateTimeOffset? ExpiresAt);
