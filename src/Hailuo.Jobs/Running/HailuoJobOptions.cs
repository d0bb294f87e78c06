using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>How a <see cref="HailuoJobRunner"/> runs jobs.</summary>
public sealed class HailuoJobOptions
{
    /// <summary>
    /// Where downloads land before the sink takes them. Default (null): a folder of this runner's own under the temp path,
    /// with an unpredictable name; either way it is created readable by its owner only, and each download gets a random name.
    /// </summary>
    public string? StagingFolder { get; set; }

    /// <summary>
    /// The public address of your callback receiver (<c>app.MapHailuoCallbacks()</c>), such as https://example.com/.
    /// When set, every submit carries a callback URL of its own (the job key and a random secret kept in the ledger), so a
    /// submit whose answer was lost is reconciled, and nobody without the URL can post to the job.
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

    /// <summary>
    /// How long after completion a video whose fresh URLs keep failing is still retried (the job stays
    /// <see cref="JobState.Completed"/>) before it is failed; default: the spec's download URL lifetime
    /// (<c>HailuoSpec.Tasks.DownloadUrlLifetime</c>), the only retention the providers publish. A provider that says
    /// the file is gone (404/410 for a fresh URL) fails the job at once.
    /// </summary>
    public TimeSpan VideoRetention { get; set; } = HailuoSpec.Tasks.DownloadUrlLifetime;

    /// <summary>A spending cap over every job this runner starts, kept in this process only; null means none.</summary>
    public JobBudget? Budget { get; set; }

    /// <summary>
    /// A spending cap kept in the ledger, so it holds across every process sharing the store: each job is charged once
    /// before its submit, and a job past the cap fails without any request. Null means none.
    /// </summary>
    public SharedBudget? SharedBudget { get; set; }

    /// <summary>Who this runner is when it claims a job's lease; default (null): the machine, the process and a random part, unique per runner.</summary>
    public string? Owner { get; set; }

    /// <summary>How long a claimed job stays this runner's without a renewal; renewed between steps and while waiting. A step outlasting it is still safe: every write is a compare-and-set.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The interval between polls of a task; default (null): the provider's advised interval from the spec. A 429's Retry-After, when longer, wins.</summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>The clock for timestamps and the reconcile wait; default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long an unknown submit waits for a callback before it is settled: the longest render plus the margin.</summary>
    public TimeSpan ReconcileWindow => HailuoSpec.Tasks.LongestRender + ResubmitMargin;
}
