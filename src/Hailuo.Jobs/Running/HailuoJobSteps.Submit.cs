using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>The submit steps: charge the shared budget, record the intent, submit, and settle a lost answer.</summary>
public sealed partial class HailuoJobSteps
{
    private async Task<StepOutcome> SubmitAsync(JobRecord job, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        if (Options.SharedBudget is { } budget && await ChargeAsync(job, budget, progress, cancellationToken).ConfigureAwait(false) is { } refusedByBudget)
        {
            return refusedByBudget;
        }

        // The intent is durable before the POST: a crash from here on can never lead to a silent second submit.
        var (intent, mine) = await UpdateAsync(job, j => j.State == JobState.Created ? j with { State = JobState.Submitting, Submits = j.Submits + 1, SubmitSentAt = Now } : null, progress, "submitting").ConfigureAwait(false);
        if (!mine)
        {
            // Another writer moved the job on first: go on from what the ledger holds.
            return Next(intent, "moved on by another writer");
        }

        job = intent;
        VideoTask task;
        try
        {
            task = await Client.SubmitAsync(RequestJson.Read(job.Request), cancellationToken).ConfigureAwait(false);
        }
        catch (HailuoSubmitOutcomeUnknownException e)
        {
            return Next(await SettleUnknownAsync(job, e.SentAt, e.Message, progress).ConfigureAwait(false), "submit outcome unknown");
        }
        catch (HailuoException e) when (e is not HailuoSubmitOutcomeUnknownException)
        {
            return await RefusedAsync(job, e, progress, cancellationToken).ConfigureAwait(false);
        }

        if (job.EstimatedDollars is { } dollars)
        {
            HailuoJobsTelemetry.Spent.Add((double)dollars);
        }

        // A callback may have given the task id while the answer was on its way: it is kept, never erased.
        var (submitted, _) = await UpdateAsync(job, j => j.State is JobState.Submitting or JobState.OutcomeUnknown ? j with { State = JobState.Submitted, TaskId = j.TaskId ?? task.Id, Error = null } : null, progress, "submitted").ConfigureAwait(false);
        // The first poll follows at once and confirms the task with an authenticated read; later ones keep the interval.
        return Next(submitted, "submitted");
    }

    /// <summary>The client raises anything but "outcome unknown" only when the provider surely created nothing: the submit is not counted.</summary>
    private async Task<StepOutcome> RefusedAsync(JobRecord job, HailuoException e, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        var state = e.IsTransient ? JobState.Created : JobState.Failed;
        var (refused, written) = await UpdateAsync(job, j => j.TaskId is null && j.State == JobState.Submitting ? j with { State = state, Submits = j.Submits - 1, Error = e.Message } : null, progress, e.IsTransient ? "submit refused for now; nothing was created" : "submit refused").ConfigureAwait(false);
        if (!written)
        {
            return Next(refused, "moved on by another writer");
        }

        if (e.IsTransient)
        {
            return new StepOutcome(refused, "submit refused for now", Now + Longer(PollInterval, e.RetryAfter), Interruption: e);
        }

        if (Options.SharedBudget is { } budget)
        {
            await Store.RefundAsync(budget.Name, ChargeKey(job.Key, refused.Submits), cancellationToken).ConfigureAwait(false);
        }

        HailuoJobsTelemetry.Failed.Add(1);
        return Next(refused, "submit refused");
    }

    /// <summary>Charges the job's submit to the shared budget before any request; a refusal fails the job, nothing sent.</summary>
    private async Task<StepOutcome?> ChargeAsync(JobRecord job, SharedBudget budget, IProgress<JobEvent>? progress, CancellationToken cancellationToken)
    {
        string reason;
        if (job.EstimatedDollars is not { } cost)
        {
            reason = $"Job {job.Key} was refused before any request: its price is not published in the spec, so it cannot be held to the budget '{budget.Name}' ({JobBudget.Money(budget.CapDollars)}).";
        }
        else
        {
            var charge = await Store.TryChargeAsync(budget.Name, ChargeKey(job.Key, job.Submits), cost, budget.CapDollars, cancellationToken).ConfigureAwait(false);
            if (charge.Charged)
            {
                return null;
            }

            reason = $"Job {job.Key} was refused before any request: it costs {JobBudget.Money(cost)}, and {JobBudget.Money(charge.TakenDollars)} of the budget '{budget.Name}' ({JobBudget.Money(budget.CapDollars)}) is already taken.";
        }

        var (failed, written) = await UpdateAsync(job, j => j.State == JobState.Created ? j with { State = JobState.Failed, Error = reason } : null, progress, "refused by the budget").ConfigureAwait(false);
        if (written)
        {
            HailuoJobsTelemetry.Failed.Add(1);
        }

        return Next(failed, "refused by the budget");
    }

    // The first submit is charged under the job key; an opt-in resubmit (which may pay again) under a key of its own.
    private static string ChargeKey(string jobKey, int submitsBefore) => submitsBefore == 0 ? jobKey : jobKey + "#submit-" + (submitsBefore + 1);

    /// <summary>The submit's answer is unknown: the job waits for a callback, unless one already gave it its task.</summary>
    private async Task<JobRecord> SettleUnknownAsync(JobRecord job, DateTimeOffset? sentAt, string error, IProgress<JobEvent>? progress)
    {
        var (settled, written) = await UpdateAsync(
            job,
            j => j.State != JobState.Submitting ? null
                : j.TaskId is not null ? j with { State = JobState.Submitted, Error = null }
                : j with { State = JobState.OutcomeUnknown, SubmitSentAt = sentAt ?? j.SubmitSentAt, Error = error },
            progress,
            "submit outcome unknown").ConfigureAwait(false);
        if (written && settled.State == JobState.OutcomeUnknown)
        {
            HailuoJobsTelemetry.OutcomeUnknown.Add(1);
        }

        return settled;
    }

    /// <summary>
    /// An "outcome unknown" job waits (as a scheduled step, no thread) for a callback until the spec's longest render
    /// plus the margin; then, only when opted in, it is submitted once more; otherwise it is left to a person.
    /// </summary>
    private async Task<StepOutcome> ReconcileAsync(JobRecord job, IProgress<JobEvent>? progress)
    {
        if (job.TaskId is not null)
        {
            return Next((await UpdateAsync(job, j => j.State == JobState.OutcomeUnknown && j.TaskId is not null ? j with { State = JobState.Submitted, Error = null } : null, progress, "task id known").ConfigureAwait(false)).Job, "task id known");
        }

        if (job.CallbackUrl is null)
        {
            return new StepOutcome(job, "outcome unknown: left to a person (hailuo jobs settle)", null);
        }

        var deadline = (job.SubmitSentAt ?? job.UpdatedAt) + Options.ReconcileWindow;
        if (Now < deadline)
        {
            return new StepOutcome(job, "waiting for the provider's callback", deadline);
        }

        if (job.ChallengedAt is { } challenged)
        {
            // The provider received the submit (it challenged the receiver), but its notifications never came, as after an echo that came too late: the task likely exists.
            var (listed, _) = await UpdateAsync(job, j => j.State == JobState.OutcomeUnknown && j.TaskId is null && j.Error?.StartsWith(ChallengedWords, StringComparison.Ordinal) != true ? j with { Error = $"{ChallengedWords} at {challenged:u}, but no task id arrived: a task likely exists and is paid for. Find it in the provider's console and run `hailuo jobs settle {j.Key} --task-id ID`, or `--failed`; it is never resubmitted." } : null, progress, "outcome unknown: the provider received the submit").ConfigureAwait(false);
            return new StepOutcome(listed, "outcome unknown: the provider received the submit; left to a person (hailuo jobs settle)", null);
        }

        if (Options.ResubmitAfterLongestRender && job.Submits < 2)
        {
            var (next, _) = await UpdateAsync(job, j => j.State == JobState.OutcomeUnknown && j.TaskId is null && j.ChallengedAt is null && j.Submits < 2 ? j with { State = JobState.Created, Error = "No callback within the longest render time: no task was created; submitting once more (opt-in)." } : null, progress, "resubmitting after the reconcile window").ConfigureAwait(false);
            return Next(next, "resubmitting after the reconcile window");
        }

        return new StepOutcome(job, "outcome unknown: no callback within the reconcile window; left to a person (hailuo jobs settle)", null);
    }

    private const string ChallengedWords = "The provider challenged the callback receiver for this submit";

    private static TimeSpan Longer(TimeSpan interval, TimeSpan? hint) => hint is { } h && h > interval ? h : interval;
}
