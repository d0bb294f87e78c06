namespace Hailuo.Contracts;

/// <summary>What a wire dialect says: its endpoints, its status words and error codes, in our words.</summary>
public sealed class DialectInfo
{
    private readonly Dictionary<string, string> _meanings;

    /// <summary>Creates the dialect facts; the generated catalog calls this.</summary>
    public DialectInfo(WireDialect dialect, string submit, string status, string? fileRetrieve, IReadOnlyDictionary<string, string> statusWords, IReadOnlyDictionary<int, string> errorCodes, bool errorsInBody = false, string? traceIdHeader = null)
    {
        ErrorsInBody = errorsInBody;
        TraceIdHeader = traceIdHeader;
        Dialect = dialect;
        Submit = submit;
        Status = status;
        FileRetrieve = fileRetrieve;
        StatusWords = statusWords;
        ErrorCodes = errorCodes;

        // Looked up on every poll: a case-insensitive copy, the first spelling winning as the list order did.
        _meanings = new Dictionary<string, string>(statusWords.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (word, meaning) in statusWords)
        {
            _meanings.TryAdd(word, meaning);
        }
    }


    /// <summary>Which dialect.</summary>
    public WireDialect Dialect { get; }

    /// <summary>The submit endpoint line, as the spec writes it.</summary>
    public string Submit { get; }

    /// <summary>The task-status endpoint.</summary>
    public string Status { get; }

    /// <summary>The endpoint that turns a file id into a download URL, where the dialect has one.</summary>
    public string? FileRetrieve { get; }

    /// <summary>Each status word on the wire and its meaning: submitted, queued, processing, completed, failed or cancelled.</summary>
    public IReadOnlyDictionary<string, string> StatusWords { get; }

    /// <summary>Provider error codes and their meaning: rate-limited, authentication, insufficient-balance, content-policy, invalid-parameters.</summary>
    public IReadOnlyDictionary<int, string> ErrorCodes { get; }

    /// <summary>Whether the real service sends API errors inside an HTTP 200 body (MiniMax's base_resp) rather than as the HTTP status.</summary>
    public bool ErrorsInBody { get; }

    /// <summary>The header that carries the service's trace id on every answer (MiniMax: Trace-Id), or null when the sources name none.</summary>
    public string? TraceIdHeader { get; }

    /// <summary>The meaning of a status word (case-insensitive), or null when the dialect does not know it.</summary>
    public string? StatusMeaning(string? word) =>
        word is not null && _meanings.TryGetValue(word, out var meaning) ? meaning : null;
}

/// <summary>How long things take and last, from the sources.</summary>
/// <param name="DownloadUrlLifetime">How long a finished task's download URL works.</param>
/// <param name="CallbackChallenge">How long a callback receiver has to echo the challenge.</param>
/// <param name="PollInterval">The advised status-poll interval.</param>
/// <param name="PollIntervalMax">The longest advised poll interval.</param>
/// <param name="PollIntervalWhenRateLimited">The advised interval after a 429.</param>
/// <param name="TypicalRenderMin">Typical render time, shortest.</param>
/// <param name="TypicalRenderMax">Typical render time, longest.</param>
/// <param name="LongestRender">The longest render time reported (1080p).</param>
public sealed record TaskTimings(
    TimeSpan DownloadUrlLifetime,
    TimeSpan CallbackChallenge,
    TimeSpan PollInterval,
    TimeSpan PollIntervalMax,
    TimeSpan PollIntervalWhenRateLimited,
    TimeSpan TypicalRenderMin,
    TimeSpan TypicalRenderMax,
    TimeSpan LongestRender);
