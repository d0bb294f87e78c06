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

    /// <summary>Completes when every job found at start has ended (stored, failed or outcome unknown).</summary>
    public Task<IReadOnlyList<JobRecord>> Resumed { get; private set; } = Task.FromResult<IReadOnlyList<JobRecord>>([]);

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.ResumeOnStart)
        {
            Resumed = _runner.ResumeAllAsync(cancellationToken: stoppingToken);
        }

        return Resumed;
    }
}
