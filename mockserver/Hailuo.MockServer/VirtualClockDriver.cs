using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Hailuo.MockServer;

/// <summary>
/// Moves a simulator's virtual clock on its own, and never while a request is in flight, so a slow request in real
/// time cannot run a client's attempt timeout out. Give clients this driver as their TimeProvider (it records the
/// timers they create) and, for requests the server cannot see yet, its <see cref="CreateHandler"/>. Two ways to drive:
/// <see cref="RunAsync{T}"/> jumps to the next timer whenever the client is idle (tests), <see cref="Pace"/> runs
/// virtual time at a multiple of real time while no request is in flight (a human watching).
/// </summary>
public sealed partial class VirtualClockDriver : TimeProvider
{
    private readonly FakeTimeProvider _inner;
    private readonly object _gate = new();
    private readonly object _advancing = new();
    private readonly List<TrackedTimer> _timers = new();
    private long _fired;

    /// <summary>A driver of <paramref name="clock"/> that holds still while <paramref name="requests"/> has any in flight.</summary>
    public VirtualClockDriver(FakeTimeProvider clock, RequestsInFlight? requests = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _inner = clock;
        Requests = requests ?? new RequestsInFlight();
    }

    /// <summary>The requests the driver waits for.</summary>
    public RequestsInFlight Requests { get; }

    /// <summary>How many requests are in flight now.</summary>
    public int InFlight => Requests.Count;

    /// <summary>A hang guard in real time, never a timing: how long <see cref="RunAsync{T}"/> waits with nothing changing before it fails.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far one <see cref="RunAsync{T}"/> may move virtual time before it fails: an operation that never ends is reported, not spun on.</summary>
    public TimeSpan RunLimit { get; set; } = TimeSpan.FromDays(30);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => _inner.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);

        // A CancellationTokenSource's timer is a deadline guarding other work; anything else (Task.Delay, Polly) is a wait.
        var timer = new TrackedTimer(this, isDeadline: state is CancellationTokenSource);
        timer.Inner = _inner.CreateTimer(s => { timer.Fired(); callback(s); }, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>A client handler that counts its requests in flight; it sends through <paramref name="inner"/> (default: a socket handler).</summary>
    public HttpMessageHandler CreateHandler(HttpMessageHandler? inner = null) => new InFlightHandler(Requests, inner ?? new SocketsHttpHandler());

    /// <summary>Moves the clock by hand; timers that fall due fire.</summary>
    public void Advance(TimeSpan by)
    {
        lock (_advancing)
        {
            _inner.Advance(by);
        }
    }

    /// <summary>
    /// Runs virtual time at <paramref name="timesRealTime"/> times real time, in steps of <paramref name="tick"/> (default 20 ms)
    /// of <paramref name="realTime"/> (default the system clock), skipping every step taken while a request is in flight.
    /// Dispose the result to stop.
    /// </summary>
    public ITimer Pace(double timesRealTime, TimeSpan? tick = null, TimeProvider? realTime = null)
    {
        if (!(timesRealTime > 0) || double.IsInfinity(timesRealTime))
        {
            throw new ArgumentOutOfRangeException(nameof(timesRealTime), timesRealTime, "The pace must be a positive, finite multiple of real time, such as 25.");
        }

        var step = tick ?? TimeSpan.FromMilliseconds(20);
        if (step <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(tick), step, "The pace's tick must be a positive time span, such as 20 ms.");
        }

        var virtualStep = step * timesRealTime;
        return (realTime ?? System).CreateTimer(_ => PaceStep(virtualStep), null, step, step);
    }

    /// <summary>Runs an operation to its end, moving virtual time to the next timer each time the client is idle.</summary>
    public async Task<T> RunAsync<T>(Task<T> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var limit = GetUtcNow() + RunLimit;
        while (true)
        {
            var changed = Requests.NextChange;
            if (operation.IsCompleted)
            {
                return await operation.ConfigureAwait(false);
            }

            if (GetUtcNow() > limit)
            {
                throw new TimeoutException($"The virtual clock driver moved virtual time {RunLimit} without the operation ending: {Describe()}.");
            }

            // Only a step that moved time or fired a timer loops again at once; anything else waits for a change, so the loop cannot spin.
            if (!TryAdvanceToNextTimer())
            {
                await Watchdog(Task.WhenAny(operation, changed)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs an operation without a result, such as waiting for the simulator to stall a request, on virtual time.</summary>
    public Task RunAsync(Task operation) => RunAsync(Completed(operation));

    /// <summary>Waits (in real time, by signals, no polling) until the condition holds or <paramref name="orUntil"/> ends.</summary>
    public async Task UntilAsync(Func<VirtualClockDriver, bool> condition, Task? orUntil = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        while (true)
        {
            var changed = Requests.NextChange;
            if (condition(this) || orUntil?.IsCompleted == true)
            {
                return;
            }

            await Watchdog(orUntil is null ? changed : Task.WhenAny(changed, orUntil)).ConfigureAwait(false);
        }
    }

    private static async Task<bool> Completed(Task operation)
    {
        await operation.ConfigureAwait(false);
        return true;
    }

    private void PaceStep(TimeSpan step)
    {
        // A step that finds the clock busy (a slow earlier step, or a request) is skipped, not queued.
        if (Requests.Count > 0 || !Monitor.TryEnter(_advancing))
        {
            return;
        }

        try
        {
            if (Requests.Count == 0)
            {
                _inner.Advance(step);
            }
        }
        finally
        {
            Monitor.Exit(_advancing);
        }
    }

    private async Task Watchdog(Task task)
    {
        try
        {
            await task.WaitAsync(StuckAfter).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The virtual clock driver is stuck: nothing changed for {StuckAfter}; {Describe()}.", e);
        }
    }

    private string Describe()
    {
        string timers;
        lock (_gate)
        {
            timers = string.Join(", ", _timers.Where(t => t.DueAt is not null).Select(t => (t.IsDeadline ? "deadline " : "wait ") + t.DueAt!.Value.ToString("HH:mm:ss", CultureInfo.InvariantCulture)));
        }

        return $"at {GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}, {InFlight} request(s) in flight, timers: [{timers}]";
    }

    /// <summary>True when it moved time forward or fired a timer; false when the client is busy or has nothing to wait for.</summary>
    private bool TryAdvanceToNextTimer()
    {
        lock (_advancing)
        {
            DateTimeOffset? target;
            var now = _inner.GetUtcNow();
            var fired = Interlocked.Read(ref _fired);
            lock (_gate)
            {
                _timers.RemoveAll(t => t.DueAt is null && t.Disposed);
                var waiting = _timers.Any(t => !t.IsDeadline && t.DueAt is not null);
                if (Requests.Count > 0 || !waiting)
                {
                    return false;
                }

                // The earliest pending timer ahead of now: a deadline before the wait's end must fire first.
                target = _timers.Where(t => t.DueAt > now).Select(t => t.DueAt).Min();
            }

            // Timers already due fire on a zero step; a step that neither fires one nor moves time is no progress.
            _inner.Advance(target is { } at ? at - now : TimeSpan.Zero);
            return target is not null || Interlocked.Read(ref _fired) != fired;
        }
    }
}
