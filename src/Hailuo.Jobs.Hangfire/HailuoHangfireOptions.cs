namespace Hailuo.Jobs.Hangfire;

/// <summary>How <c>AddHailuoJobsOnHangfire</c> runs jobs: the shared PostgreSQL database, and this process's part.</summary>
public sealed class HailuoHangfireOptions
{
    /// <summary>The PostgreSQL connection string of the ledger and of Hangfire's storage (one database, two schemas).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// How many Hangfire workers this process runs; 0 makes it a client only (it starts jobs, receives callbacks or shows
    /// the dashboard, and runs no step). A waiting render holds none of them: its next poll is a scheduled job.
    /// </summary>
    public int WorkerCount { get; set; } = Math.Min(20, Environment.ProcessorCount * 5);

    /// <summary>The Hangfire queue the steps run on.</summary>
    public string Queue { get; set; } = "hailuo";

    /// <summary>The PostgreSQL schema of Hangfire's own tables.</summary>
    public string HangfireSchema { get; set; } = "hailuo_hangfire";

    /// <summary>
    /// How long a step's owner keeps a job beyond the step's next run: another chain of steps takes the job only after
    /// this passed without the owner coming back (its process died or stopped).
    /// </summary>
    public TimeSpan LeaseMargin { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long after its worker vanished (killed mid-step) Hangfire gives a step to another worker. Sliding: a live
    /// worker keeps its step however long a download takes, so this may be short.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// After how long a Hangfire lock whose holder vanished or froze (the schedule poller's, held for a moment each pass)
    /// is taken from it: until then no scheduled step of any job is enqueued. Hangfire.PostgreSql's default is 10 minutes.
    /// </summary>
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an idle worker looks for enqueued steps and scheduled ones that are due.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);
}
