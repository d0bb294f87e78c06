using System.Globalization;

namespace Hailuo.Scale;

/// <summary>What every throughput run of one invocation shares.</summary>
internal sealed record ThroughputSettings(int Jobs, int Workers, TimeSpan Render, TimeSpan Latency, TimeSpan Deadline);

/// <summary>One run's figures.</summary>
internal sealed record ThroughputRow(
    int Processes,
    int Workers,
    int Jobs,
    int Stored,
    int PaidTwice,
    TimeSpan StartedIn,
    TimeSpan Wall,
    long Steps,
    double WorkerCpu,
    double ToolCpu,
    double ServerCpu,
    IReadOnlyList<HangfireQueue> Queues,
    string LoadBefore,
    string LoadAfter)
{
    public double JobsPerMinute => Stored / Wall.TotalMinutes;

    public static string Header =>
        "| processes × workers | jobs stored | paid twice | wall | jobs/min | steps/s | CPU s: workers / simulator+client / PostgreSQL | cores busy | enqueued (mean / max) | due, not enqueued (mean / max) | DB connections (max) | load before → after |\n" +
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Processes} × {Workers} | {Stored}/{Jobs} | {PaidTwice} | {Wall.TotalSeconds:F1} s (started in {StartedIn.TotalSeconds:F1} s) | {JobsPerMinute:F0} | {Steps / Wall.TotalSeconds:F1} | {WorkerCpu:F1} / {ToolCpu:F1} / {ServerCpu:F1} | {(WorkerCpu + ToolCpu + ServerCpu) / Wall.TotalSeconds:F2} | {Mean(q => q.Enqueued):F0} / {Max(q => q.Enqueued)} | {Mean(q => q.Overdue):F0} / {Max(q => q.Overdue)} | {Max(q => q.Connections)} | {LoadBefore} → {LoadAfter} |");

    private double Mean(Func<HangfireQueue, long> of) => Queues.Count == 0 ? 0 : Queues.Average(q => (double)of(q));

    private long Max(Func<HangfireQueue, long> of) => Queues.Count == 0 ? 0 : Queues.Max(of);
}
