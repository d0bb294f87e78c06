using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hailuo.Contracts;

/// <summary>
/// The names to subscribe to: an <see cref="ActivitySource"/> with one activity per client call, and a
/// <see cref="Meter"/> with counts, seconds, dollars and durations. Tags hold provider, model, resolution and
/// outcome; never a key, a prompt or a signed URL.
/// </summary>
public static class HailuoTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Hailuo.Contracts";

    /// <summary>Tasks the provider accepted; tags provider, model, resolution.</summary>
    public const string TasksSubmitted = "hailuo.tasks.submitted";

    /// <summary>Waits that ended; tags provider, status (completed, failed, cancelled, timed_out).</summary>
    public const string TasksFinished = "hailuo.tasks.finished";

    /// <summary>Seconds of video submitted; tags provider, model, resolution.</summary>
    public const string VideoSeconds = "hailuo.video.seconds";

    /// <summary>Estimated US dollars submitted (priced models only); tags provider, model, resolution.</summary>
    public const string EstimatedDollars = "hailuo.cost.estimated";

    /// <summary>Retries made; tags provider, operation, reason.</summary>
    public const string Retries = "hailuo.retries";

    /// <summary>Duration of each HTTP attempt in seconds; tags provider, operation, http.response.status_code.</summary>
    public const string RequestDuration = "hailuo.request.duration";

    /// <summary>Bytes downloaded; tags provider.</summary>
    public const string BytesDownloaded = "hailuo.download.bytes";

    internal static ActivitySource Source { get; } = new(Name, typeof(HailuoTelemetry).Assembly.GetName().Version?.ToString());

    internal static Meter Meter { get; } = new(Name, typeof(HailuoTelemetry).Assembly.GetName().Version?.ToString());

    internal static Counter<long> Submitted { get; } = Meter.CreateCounter<long>(TasksSubmitted, "{task}", "Tasks the provider accepted.");

    internal static Counter<long> Finished { get; } = Meter.CreateCounter<long>(TasksFinished, "{task}", "Waits that ended, by how.");

    internal static Counter<long> Seconds { get; } = Meter.CreateCounter<long>(VideoSeconds, "s", "Seconds of video submitted.");

    internal static Counter<double> Dollars { get; } = Meter.CreateCounter<double>(EstimatedDollars, "USD", "Estimated cost of submitted tasks.");

    internal static Counter<long> RetryCount { get; } = Meter.CreateCounter<long>(Retries, "{retry}", "Retries made by the client.");

    internal static Histogram<double> Duration { get; } = Meter.CreateHistogram<double>(RequestDuration, "s", "Duration of each HTTP attempt.");

    internal static Counter<long> Bytes { get; } = Meter.CreateCounter<long>(BytesDownloaded, "By", "Bytes of video downloaded.");
}
