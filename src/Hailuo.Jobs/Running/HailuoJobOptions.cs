using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>How a <see cref="HailuoJobRunner"/> runs jobs.</summary>
public sealed class HailuoJobOptions
{
    /// <summary>Where downloads land before the sink takes them; default: a "staging" folder beside the process's temp path.</summary>
    public string StagingFolder { get; set; } = Path.Combine(Path.GetTempPath(), "hailuo-jobs-staging");

    /// <summary>
    /// The public address of your callback receiver (<c>app.MapHailuoCallbacks()</c>), such as https://example.com/.
    /// When set, every submit carries a callback URL unique to its job key, so a submit whose answer was lost is reconciled.
    /// </summary>
    public Uri? CallbackBaseAddress { get; set; }

    /// <summary>
    /// Opt-in and risky: a job whose submit outcome is unknown, and for which no callback arrived within the spec's longest
    /// render time plus <see cref="ResubmitMargin"/>, concludes that no task exists and submits once more. If the first
    /// task did exist (its callback was lost too), you pay twice.
    /// </summary>
    public bool ResubmitAfterLongestRender { get; set; }

    /// <summary>Added to the spec's longest render time before an opt-in resubmit.</summary>
    public TimeSpan ResubmitMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A spending cap over every job this runner starts; null means none.</summary>
    public JobBudget? Budget { get; set; }

    /// <summary>The clock for timestamps and the reconcile wait; default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long an unknown submit waits for a callback before it is settled: the longest render plus the margin.</summary>
    public TimeSpan ReconcileWindow => HailuoSpec.Tasks.LongestRender + ResubmitMargin;
}
