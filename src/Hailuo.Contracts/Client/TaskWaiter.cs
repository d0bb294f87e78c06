using Hailuo.Contracts.Errors;
using Hailuo.Contracts.Telemetry;

namespace Hailuo.Contracts.Client;

/// <summary>
/// Polls until the task ends or the deadline passes: the polling interval from options, or the server's Retry-After
/// when longer; a transient poll failure is waited out (the task keeps running server-side) until the deadline.
/// </summary>
internal sealed class TaskWaiter
{
    private readonly ClientContext _context;
    private readonly TaskReader _reader;
    private readonly TaskNudges _nudges;

    public TaskWaiter(ClientContext context, TaskReader reader, TaskNudges nudges)
    {
        _context = context;
        _reader = reader;
        _nudges = nudges;
    }

    public async Task<VideoTask> WaitAsync(VideoTask task, bool pollFirst, IProgress<VideoTaskProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = _context.Clock;
        var started = clock.GetTimestamp();
        using var activity = ClientActivity.Start("hailuo.wait", task.Provider, task.Id);
        using var deadline = new CancellationTokenSource(_context.Options.WaitTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var current = task;
        var polls = 0;
        TimeSpan? hint = null;
        try
        {
            while (pollFirst || !current.IsTerminal || NeedsVideoUrl(current))
            {
                if (!pollFirst)
                {
                    await SleepAsync(current.Id, Longer(Interval(clock.GetElapsedTime(started)), hint), linked.Token).ConfigureAwait(false);
                }

                pollFirst = false;
                hint = null;
                try
                {
                    if (current.IsTerminal)
                    {
                        // Completed, but the file's URL could not be fetched yet: the task is done, so only that read is tried again.
                        current = await _reader.WithVideoUrlAsync(current, linked.Token).ConfigureAwait(false);
                        continue;
                    }

                    var (next, retryAfter) = await _reader.PollAsync(current, linked.Token).ConfigureAwait(false);
                    polls++;
                    var changed = next.Status != current.Status || polls == 1;
                    current = next;
                    hint = retryAfter;
                    Report(current, clock.GetElapsedTime(started), polls, changed, progress);
                    if (NeedsVideoUrl(current))
                    {
                        current = await _reader.WithVideoUrlAsync(current, linked.Token).ConfigureAwait(false);
                    }
                }
                catch (HailuoException e) when (e.IsTransient)
                {
                    // A rate limit without Retry-After still slows the next poll to the advised interval.
                    hint = e.ErrorCode == ErrorMeanings.RateLimited ? Longer(_context.Options.RateLimitedPollingInterval, e.RetryAfter) : e.RetryAfter;
                    ClientLog.PollFailed(_context.Logger, current.Id, e.ErrorCode ?? e.GetType().Name, Longer(Interval(clock.GetElapsedTime(started)), hint));
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var waited = clock.GetElapsedTime(started);
            Finish(current, "timed_out", waited);
            var timeout = new HailuoException(
                $"Task {current.Id} on {current.Provider} is still {current.Status} after {waited} (WaitTimeout {_context.Options.WaitTimeout}). "
                + "It goes on at the provider: wait again later with its id.",
                new HailuoErrorDetails(current.Provider, TaskId: current.Id, ErrorCode: HailuoException.WaitTimedOut));
            ClientActivity.Fail(activity, timeout);
            throw timeout;
        }

        var elapsed = clock.GetElapsedTime(started);
        Finish(current, current.Status.ToString().ToLowerInvariant(), elapsed);
        if (current.Status == VideoTaskStatus.Completed)
        {
            return current;
        }

        var failure = ErrorMapper.TaskFailed(current);
        ClientActivity.Fail(activity, failure);
        throw failure;
    }

    /// <summary>Sleeps until the next poll, or until a callback about the task wakes us.</summary>
    private async Task SleepAsync(string taskId, TimeSpan delay, CancellationToken cancellationToken)
    {
        using var nudge = _nudges.Register(taskId, cancellationToken);
        try
        {
            await Task.Delay(delay, _context.Clock, nudge.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (nudge.Nudged(cancellationToken))
        {
            // A callback said the task moved: poll now to confirm it with an authenticated read.
        }
    }

    private void Report(VideoTask task, TimeSpan elapsed, int polls, bool changed, IProgress<VideoTaskProgress>? progress)
    {
        ClientLog.Polled(_context.Logger, task.Id, task.Status, task.StatusWord, elapsed);
        if (task.Status == VideoTaskStatus.Unknown && changed)
        {
            ClientLog.UnknownStatus(_context.Logger, task.Id, task.StatusWord);
        }

        progress?.Report(new VideoTaskProgress(task, elapsed, polls, changed));
    }

    private void Finish(VideoTask task, string how, TimeSpan elapsed)
    {
        ClientLog.Finished(_context.Logger, task.Id, task.Status, elapsed);
        HailuoTelemetry.Finished.Add(1, new("hailuo.provider", task.Provider), new("hailuo.status", how));
    }

    /// <summary>A completed task whose download URL has not been read yet (MiniMax: files/retrieve).</summary>
    private bool NeedsVideoUrl(VideoTask task) => _reader.NeedsVideoUrl(task);

    /// <summary>The polling interval, stretched to the long-render interval once the render outlasts the typical time.</summary>
    private TimeSpan Interval(TimeSpan elapsed)
    {
        var options = _context.Options;
        return elapsed >= options.LongRenderAfter ? Longer(options.PollingInterval, options.LongRenderPollingInterval) : options.PollingInterval;
    }

    private static TimeSpan Longer(TimeSpan interval, TimeSpan? hint) => hint is { } h && h > interval ? h : interval;
}
