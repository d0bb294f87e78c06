using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hailuo.Jobs;

/// <summary>The jobs' ActivitySource and Meter, both named <see cref="Name"/>, and their instrument names.</summary>
public static class HailuoJobsTelemetry
{
    /// <summary>Name of the ActivitySource and the Meter.</summary>
    public const string Name = "Hailuo.Jobs";

    /// <summary>Counter: jobs started (new keys).</summary>
    public const string JobsStarted = "hailuo.jobs.started";

    /// <summary>Counter: jobs whose MP4 was stored.</summary>
    public const string JobsCompleted = "hailuo.jobs.completed";

    /// <summary>Counter: jobs that failed.</summary>
    public const string JobsFailed = "hailuo.jobs.failed";

    /// <summary>Counter: jobs picked up again from the ledger.</summary>
    public const string JobsResumed = "hailuo.jobs.resumed";

    /// <summary>Counter: submits whose outcome is unknown.</summary>
    public const string JobsOutcomeUnknown = "hailuo.jobs.outcome_unknown";

    /// <summary>Counter (USD): estimated money spent on accepted submits.</summary>
    public const string MoneySpent = "hailuo.jobs.spent";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Started = Meter.CreateCounter<long>(JobsStarted, "{job}", "Jobs started");
    internal static readonly Counter<long> Completed = Meter.CreateCounter<long>(JobsCompleted, "{job}", "Jobs stored");
    internal static readonly Counter<long> Failed = Meter.CreateCounter<long>(JobsFailed, "{job}", "Jobs failed");
    internal static readonly Counter<long> Resumed = Meter.CreateCounter<long>(JobsResumed, "{job}", "Jobs resumed from the ledger");
    internal static readonly Counter<long> OutcomeUnknown = Meter.CreateCounter<long>(JobsOutcomeUnknown, "{job}", "Submits whose outcome is unknown");
    internal static readonly Counter<double> Spent = Meter.CreateCounter<double>(MoneySpent, "USD", "Estimated dollars of accepted submits");
}
