namespace Hailuo.Jobs.Hangfire;

/// <summary>A step's answer to Hangfire: the job wants its next step at <paramref name="At"/>, for <paramref name="Reason"/>.</summary>
/// <param name="At">When the next step runs.</param>
/// <param name="Reason">Why then, in words (shown on Hangfire's dashboard).</param>
public sealed record NextStep(DateTimeOffset At, string Reason);
