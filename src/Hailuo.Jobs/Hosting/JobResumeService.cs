using Microsoft.Extensions.Hosting;

namespace Hailuo.Jobs;

/// <summary>Picks up every unfinished job of the ledger when the host starts, and runs them in the background.</summary>
public sealed class JobResumeService : BackgroundService
{
    private readonly HailuoJobRunner _runner;
    private readonly HailuoJobsHostOptions _options;

    /// <summary>Created by the container.</summary>
    public JobResumeService(HailuoJobRunner runner, HailuoJobsHostOptions options)
    {
        _runner = runner;
        _options = options;
    }

    private readonly TaskCompletionSource<IReadOnlyList<JobRecord>> _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every job found at start has ended (stored, failed or outcome unknown).</summary>
    public Task<IReadOnlyList<JobRecord>> Resumed => _resumed.Task;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _resumed.TrySetResult(_options.ResumeOnStart ? await _runner.ResumeAllAsync(cancellationToken: stoppingToken).ConfigureAwait(false) : []);
        }
        catch (Exception e)
        {
            _resumed.TrySetException(e);
            throw;
        }
    }
}
