namespace Hailuo.Jobs;

/// <summary>What one step of a job did, and when the job wants its next step.</summary>
/// <param name="Job">The job as the ledger holds it after the step.</param>
/// <param name="Step">What the step did, in words ("submitted", "polled", "stored", "held by another owner", ...).</param>
/// <param name="RunAgainAt">When to run the next step (the spec's poll interval, a Retry-After, the end of a lease or of the reconcile window); null when the job needs no more steps (stored, failed, or an "outcome unknown" left to a person).</param>
/// <param name="HeldElsewhere">Another owner holds the job's lease: this step did nothing; <paramref name="RunAgainAt"/> is when that lease has surely ended (now plus the steps' lease duration, the longest any owner of the deployment should claim).</param>
/// <param name="Interruption">A transient failure that ended the step (a refusal for now, a download that fresh URLs did not cure yet); the job stays where it is and runs again at <paramref name="RunAgainAt"/>.</param>
public sealed record StepOutcome(JobRecord Job, string Step, DateTimeOffset? RunAgainAt, bool HeldElsewhere = false, Exception? Interruption = null)
{
    /// <summary>Whether the job needs no more steps.</summary>
    public bool IsDone => RunAgainAt is null;
}
