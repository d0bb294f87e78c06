using Microsoft.Extensions.Hosting;

namespace Hailuo.Jobs.Hangfire;

/// <summary>
/// In whichever process a callback lands, a job whose task id it revealed gets a step enqueued at once, instead of
/// waiting for its scheduled check at the end of the reconcile window. The ledger decides: a job already moved on
/// makes the extra step a no-op.
/// </summary>
internal sealed class CallbackWakeUp(HailuoJobSteps steps, HailuoHangfireJobs jobs) : IHostedService
{
    // The words HailuoJobSteps reports when a callback's task id is adopted.
    private const string Adopted = "task id revealed by the provider's callback";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        steps.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        steps.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(object? sender, JobEvent change)
    {
        if (change.State == JobState.Submitted && change.Message == Adopted)
        {
            jobs.Enqueue(change.Key);
        }
    }
}
