using Hangfire.Common;
using Hangfire.States;

namespace Hailuo.Jobs.Hangfire;

/// <summary>
/// Turns a step that answered <see cref="NextStep"/> into the same Hangfire job scheduled at that time, in the same
/// state change that ends the step: a waiting render holds no worker, and no crash between "step done" and "next step
/// scheduled" can lose the job or start a second chain of steps.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NextStepAttribute : JobFilterAttribute, IElectStateFilter
{
    /// <inheritdoc/>
    public void OnStateElection(ElectStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CandidateState is SucceededState { Result: NextStep next })
        {
            context.CandidateState = new ScheduledState(next.At.UtcDateTime) { Reason = next.Reason };
        }
    }
}
