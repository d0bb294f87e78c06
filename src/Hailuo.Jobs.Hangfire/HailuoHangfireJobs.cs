using Hailuo.Contracts;
using Hangfire;

namespace Hailuo.Jobs.Hangfire;

/// <summary>Starts video jobs on Hangfire: the job is recorded in the shared ledger, then its first step is enqueued.</summary>
public sealed class HailuoHangfireJobs
{
    private readonly HailuoJobSteps _steps;
    private readonly IBackgroundJobClient _hangfire;
    private readonly HailuoHangfireOptions _options;

    /// <summary>Created by the container.</summary>
    public HailuoHangfireJobs(HailuoJobSteps steps, IBackgroundJobClient hangfire, HailuoHangfireOptions options)
    {
        _steps = steps;
        _hangfire = hangfire;
        _options = options;
    }

    /// <summary>The ledger the jobs are in.</summary>
    public IJobStore Store => _steps.Store;

    /// <summary>
    /// Records job <paramref name="key"/> and enqueues its first step; any worker process takes it from there. A key
    /// already in the ledger is not recorded again: its job is returned, and a step is enqueued only while it is
    /// unfinished (the step finds the job's owner, if it still has one, and waits for it).
    /// </summary>
    public async Task<JobRecord> StartAsync(string key, VideoGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var job = await _steps.RecordAsync(key, request, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!job.State.IsFinished())
        {
            Enqueue(key);
        }

        return job;
    }

    /// <summary>Enqueues a step of job <paramref name="key"/> (a job left without one, such as after a settle); harmless when it has one.</summary>
    public string Enqueue(string key) =>
        // The queue goes with the job (not only with its first state): every later schedule enqueues it there again.
        _hangfire.Enqueue<JobStepJob>(_options.Queue, s => s.RunAsync(key, null, CancellationToken.None));
}
