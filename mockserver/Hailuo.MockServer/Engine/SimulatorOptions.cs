namespace Hailuo.MockServer;

/// <summary>
/// Settings of the simulator; the standalone server binds them from the configuration section "Simulator"
/// (command line <c>--Simulator:RequestsPerMinute=60</c>, environment <c>Simulator__RequestsPerMinute=60</c>, appsettings.json).
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section the standalone server binds.</summary>
    public const string SectionName = "Simulator";

    /// <summary>The providers whose models the simulator serves; empty = the shipped spec's providers (HailuoSpec.Providers).</summary>
    public IList<Contracts.ProviderInfo> Providers { get; set; } = new List<Contracts.ProviderInfo>();

    /// <summary>Bearer keys the simulator accepts; empty accepts any non-empty key.</summary>
    public IList<string> AcceptedKeys { get; set; } = new List<string>();

    /// <summary>How long after submit a task leaves "submitted" (MiniMax: Preparing) for "queued" (Queueing).</summary>
    public TimeSpan QueuedAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long after submit a task starts "processing".</summary>
    public TimeSpan ProcessingAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after submit a task is "completed" (or "failed", when a prompt marker asks for it).</summary>
    public TimeSpan CompletedAfter { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a download URL works after it was issued (24 hours, as the real service); each status or file query issues a fresh one.</summary>
    public TimeSpan UrlLifetime { get; set; } = Contracts.HailuoSpec.Tasks.DownloadUrlLifetime;

    /// <summary>How long a finished file stays retrievable after its task completed; a simulator decision, the sources say only that URLs expire.</summary>
    public TimeSpan FileRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Which documented status words the APIMart dialect writes; the design card's by default.</summary>
    public ApiMartStatusWords ApiMartStatusWords { get; set; } = ApiMartStatusWords.DesignCard;

    /// <summary>How API errors travel: as each real service does by default (MiniMax inside HTTP 200), or all as HTTP status, or all in the body.</summary>
    public ErrorTransport ErrorTransport { get; set; } = ErrorTransport.Documented;

    /// <summary>Requests per minute allowed for each key before 429; null means no limit.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>The account's balance in US dollars, charged by the spec's price at submit; null means unlimited.</summary>
    public decimal? StartingBalance { get; set; }

    /// <summary>How long a callback receiver has to echo the challenge (3 s, as the real service); also the limit for each notification.</summary>
    public TimeSpan CallbackTimeout { get; set; } = Contracts.HailuoSpec.Tasks.CallbackChallenge;

    /// <summary>How many requests the journal keeps; older entries are dropped first.</summary>
    public int JournalCapacity { get; set; } = 10_000;

    /// <summary>How many requests WireMock.Net's request log (LogEntries, /__admin/requests) keeps; the oldest go first, counted in Admin.DroppedLogEntries.</summary>
    public int RequestLogCapacity { get; set; } = 1_000;

    /// <summary>How many characters of a request's body WireMock.Net's request log keeps; the rest is cut, and the log says so.</summary>
    public int RequestLogBodyLimit { get; set; } = 4_096;

    /// <summary>The standalone server's clock: "System" (the wall clock) or "Manual" (moves only by /__admin/hailuo/advance). An embedded HailuoSimulator always uses a FakeTimeProvider.</summary>
    public string Clock { get; set; } = "System";

    /// <summary>The address written into download URLs, when clients reach the server under another name (a proxy, an export); null: as the client reached it.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// User name the admin API (WireMock.Net's /__admin/ and the simulator's /__admin/hailuo/) asks for by HTTP Basic
    /// authentication; with <see cref="AdminPassword"/>. Unset: the admin API is open, which only a loopback address allows.
    /// </summary>
    public string? AdminUsername { get; set; }

    /// <summary>Password of <see cref="AdminUsername"/>; give it through the environment (Simulator__AdminPassword), not the command line.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Lets the standalone server listen on a non-loopback address with an open admin API (it prints a warning).</summary>
    public bool AllowOpenAdmin { get; set; }

    /// <summary>Whether both admin credentials are set.</summary>
    public bool HasAdminCredentials => !string.IsNullOrEmpty(AdminUsername) && !string.IsNullOrEmpty(AdminPassword);

    /// <summary>The client that POSTs callbacks; replace it to deliver them in memory. Not bound from configuration.</summary>
    public HttpClient? CallbackClient { get; set; }

    /// <summary>Throws when the settings contradict each other.</summary>
    public void Validate()
    {
        if (QueuedAfter < TimeSpan.Zero || ProcessingAfter < QueuedAfter || CompletedAfter < ProcessingAfter)
        {
            throw new InvalidOperationException(
                $"Simulator lifecycle must satisfy 0 <= QueuedAfter ({QueuedAfter}) <= ProcessingAfter ({ProcessingAfter}) <= CompletedAfter ({CompletedAfter}).");
        }

        if (UrlLifetime <= TimeSpan.Zero || CallbackTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Simulator UrlLifetime and CallbackTimeout must be positive.");
        }

        // A file kept for less than one URL lifetime would make the first URL outlive its file.
        if (FileRetention < UrlLifetime)
        {
            throw new InvalidOperationException($"Simulator FileRetention ({FileRetention}) must be at least UrlLifetime ({UrlLifetime}).");
        }

        if (!Enum.IsDefined(ApiMartStatusWords))
        {
            throw new InvalidOperationException($"Simulator ApiMartStatusWords is {ApiMartStatusWords}; use {string.Join(", ", Enum.GetNames<ApiMartStatusWords>())}.");
        }

        if (!Enum.IsDefined(ErrorTransport))
        {
            throw new InvalidOperationException($"Simulator ErrorTransport is {ErrorTransport}; use {string.Join(", ", Enum.GetNames<ErrorTransport>())}.");
        }

        if (RequestsPerMinute is <= 0)
        {
            throw new InvalidOperationException($"Simulator RequestsPerMinute must be positive or unset; it is {RequestsPerMinute}.");
        }

        if (RequestLogCapacity <= 0)
        {
            throw new InvalidOperationException($"Simulator RequestLogCapacity must be positive; it is {RequestLogCapacity}.");
        }

        if (RequestLogBodyLimit <= 0)
        {
            throw new InvalidOperationException($"Simulator RequestLogBodyLimit must be positive; it is {RequestLogBodyLimit}.");
        }

        if (!string.Equals(Clock, "Manual", StringComparison.OrdinalIgnoreCase) && !string.Equals(Clock, "System", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Simulator Clock is '{Clock}'; use Manual or System.");
        }

        if (string.IsNullOrEmpty(AdminUsername) != string.IsNullOrEmpty(AdminPassword))
        {
            throw new InvalidOperationException("Simulator AdminUsername and AdminPassword go together: set both, or neither.");
        }

        if (JournalCapacity <= 0)
        {
            throw new InvalidOperationException($"Simulator JournalCapacity must be positive; it is {JournalCapacity}.");
        }
    }
}
