using Hailuo.Contracts;
using Hangfire;
using Hangfire.Server;

namespace Hailuo.Jobs.Hangfire;

/// <summary>
/// The Hangfire background job that advances one video job by one step (submit, one poll, download and store) and
/// answers when the next step is due. One Hangfire job carries a video job from start to end: <see cref="NextStepAttribute"/>
/// schedules it again. Each run claims the job's lease as its own owner, so a redelivery (Hangfire runs a job at least
/// once) or a second chain started for the same key waits while another run holds the job, and every write is a
/// compare-and-set, so even a run that outlived its lease (a paused process) cannot submit twice.
/// </summary>
public sealed class JobStepJob
{
    private readonly HailuoJobSteps _steps;

    /// <summary>Created by Hangfire's job activator from the container.</summary>
    public JobStepJob(HailuoJobSteps steps) => _steps = steps;

    /// <summary>Runs the next step of job <paramref name="key"/>; null when the job needs no more steps.</summary>
    /// <param name="key">The job's key.</param>
    /// <param name="context">Given by Hangfire (pass null when enqueuing).</param>
    /// <param name="cancellationToken">Given by Hangfire: cancelled when the server stops.</param>
    [NextStep]
    [AutomaticRetry(Attempts = 100, DelaysInSeconds = [5, 10, 20, 40, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("hailuo job {0}")]
    public async Task<NextStep?> RunAsync(string key, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var id = context?.BackgroundJob.Id ?? throw new ArgumentNullException(nameof(context), "Hangfire gives the perform context; enqueue with null.");

        // One owner per execution: a redelivery of this Hangfire job while the first run still holds the job waits for its lease.
        var owner = $"hangfire:{id}:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        StepOutcome step;
        try
        {
            step = await _steps.AdvanceAsync(key, owner, cancellationToken).ConfigureAwait(false);
        }
        catch (HailuoException e) when (e.ErrorCode == ErrorMeanings.RateLimited)
        {
            // A 429 reschedules the step at its Retry-After instead of holding a worker through the wait.
            return new NextStep(_steps.Options.TimeProvider.GetUtcNow() + (e.RetryAfter ?? RateLimitFallback), "rate limited: " + e.Message);
        }

        return step.RunAgainAt is { } at ? new NextStep(at, $"{step.Step}; {step.Job}") : null;
    }

    /// <summary>The wait after a 429 that named no Retry-After.</summary>
    internal static TimeSpan RateLimitFallback { get; } = TimeSpan.FromSeconds(30);
}
