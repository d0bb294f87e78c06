namespace Hailuo.MockServer;

/// <summary>
/// Settings of the simulator; the standalone server binds them from the configuration section "Simulator"
/// (command line <c>--Simulator:RequestsPerMinute=60</c>, environment <c>Simulator__RequestsPerMinute=60</c>, appsettings.json).
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section the standalone server binds.</summary>
    public const string SectionName = "Simulator";

    /// <summary>Bearer keys the simulator accepts; empty accepts any non-empty key.</summary>
    public IList<string> AcceptedKeys { get; set; } = new List<string>();

    /// <summary>How long after submit a task leaves "submitted" (MiniMax: Preparing) for "queued" (Queueing).</summary>
    public TimeSpan QueuedAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long after submit a task starts "processing".</summary>
    public TimeSpan ProcessingAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after submit a task is "completed" (or "failed", when a prompt marker asks for it).</summary>
    public TimeSpan CompletedAfter { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a download URL works after its task completed (24 hours, as the real service).</summary>
    public TimeSpan UrlLifetime { get; set; } = Contracts.HailuoSpec.Tasks.DownloadUrlLifetime;

    /// <summary>Requests per minute allowed for each key before 429; null means no limit.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>The account's balance in US dollars, charged by the spec's price at submit; null means unlimited.</summary>
    public decimal? StartingBalance { get; set; }

    /// <summary>How long a callback receiver has to echo the challenge (3 s, as the real service); also the limit for each notification.</summary>
    public TimeSpan CallbackTimeout { get; set; } = Contracts.HailuoSpec.Tasks.CallbackChallenge;

    /// <summary>How many requests the journal keeps; older entries are dropped first.</summary>
    public int JournalCapacity { get; set; } = 10_000;

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

        if (RequestsPerMinute is <= 0)
        {
            throw new InvalidOperationException($"Simulator RequestsPerMinute must be positive or unset; it is {RequestsPerMinute}.");
        }

        if (JournalCapacity <= 0)
        {
            throw new InvalidOperationException($"Simulator JournalCapacity must be positive; it is {JournalCapacity}.");
        }
    }
}
