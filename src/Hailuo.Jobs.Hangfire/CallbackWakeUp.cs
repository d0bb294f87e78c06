using Microsoft.Extensions.Hosting;

namespace Hailuo.Jobs.Hangfire;

/// <summary>
/// In whichever process a callback lands, a job whose task id it revealed gets a step enqueued at once, instead of
/// waiting for its scheduled check at the end of the reconcile window. The ledger decides: a job already moved on
/// makes the extra step a no-op.
/// </summary>
internal sealed class CallbackWakeUp(HailuoJobSteps steps, HailuoHangfireJobs jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        steps.TaskAdopted += OnAdopted;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        steps.TaskAdopted -= OnAdopted;
        return Task.CompletedTask;
    }

    private void OnAdopted(object? sender, JobEvent adopted) => jobs.Enqueue(adopted.Key);
}
