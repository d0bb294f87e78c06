namespace Hailuo.Jobs;

/// <summary>What <c>AddHailuoJobs</c> sets up: the ledger file, the output folder and the runner's options.</summary>
public sealed class HailuoJobsHostOptions
{
    /// <summary>The SQLite ledger file; required unless an <see cref="IJobStore"/> is registered.</summary>
    public string? LedgerPath { get; set; }

    /// <summary>The local folder that keeps the MP4s; required unless an <see cref="IVideoSink"/> is registered.</summary>
    public string? OutputFolder { get; set; }

    /// <summary>Whether the hosted service resumes every unfinished job at start; on by default.</summary>
    public bool ResumeOnStart { get; set; } = true;

    /// <summary>The runner's options (callback address, budget, staging folder, opt-in resubmit).</summary>
    public HailuoJobOptions Jobs { get; } = new();
}
