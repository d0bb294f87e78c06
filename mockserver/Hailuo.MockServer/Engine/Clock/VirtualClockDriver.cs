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

    // The newest deadline this async flow created: the one a request the flow starts next is sent under (Polly's attempt timeout).
    private readonly AsyncLocal<TrackedTimer?> _flowDeadline = new();
    private long _fired;
    private long _created;
    private SimulatorAdmin? _stalls;
    private Task? _stallState;
    private long _stallEpoch;
    private Task? _stallFired;

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

    /// <summary>The longest single move <see cref="RunAsync{T}"/> makes, so work the driver cannot see (a simulator's callback to a receiver) gets a turn between moves.</summary>
    public TimeSpan? MaxStep { get; set; }

    /// <summary>
    /// For many clients at once: a deadline (a CancellationTokenSource's timer) due before every wait is taken to guard a
    /// request about to start, and the driver waits for that request instead of expiring it. A deadline that must expire
    /// on its own (a wait timeout) then never fires; a stalled request's does, once <see cref="WatchStalls"/> is set.
    /// </summary>
    public bool HoldDeadlines { get; set; }

    /// <summary>Counts a request in flight until its answer's body is read (buffered), not only its headers, in <see cref="CreateHandler"/>.</summary>
    public bool CountUntilBodyRead { get; set; }

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
        var timer = new TrackedTimer(this, isDeadline: state is CancellationTokenSource, Interlocked.Increment(ref _created));
        timer.Inner = _inner.CreateTimer(s => { timer.Fired(); callback(s); }, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        if (timer.IsDeadline)
        {
            // A flow's newer deadline (an attempt's, inside a wait's) supersedes its older one as the guard of what comes next.
            _flowDeadline.Value?.Settle();
            _flowDeadline.Value = timer;
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>A client handler that counts its requests in flight; it sends through <paramref name="inner"/> (default: a socket handler).</summary>
    public HttpMessageHandler CreateHandler(HttpMessageHandler? inner = null) => new InFlightHandler(Requests, inner ?? new SocketsHttpHandler(), CountUntilBodyRead, SendingUnderFlowDeadline);

    /// <summary>A request of this async flow is being sent: its newest deadline is the one the request runs under.</summary>
    internal void SendingUnderFlowDeadline() => _flowDeadline.Value?.Settle();

    /// <summary>
    /// Lets time move while the only requests in flight are ones the simulator's <see cref="FaultKind.Stall"/> faults hold
    /// open (they wait for the client's attempt timeout), firing only deadlines set before the stall began. Counts must
    /// be one per request: give the driver a <see cref="RequestsInFlight"/> of its own and the clients its handler.
    /// </summary>
    public void WatchStalls(SimulatorAdmin admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        _stalls = admin;
        Requests.Signal();
    }

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
            // Both read before looking, so a change while the step is decided still wakes the wait below.
            var changed = Requests.NextChange;
            var stallChanged = _stalls?.NextStallChange ?? changed;
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
                await Watchdog(Task.WhenAny(operation, changed, stallChanged)).ConfigureAwait(false);
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
            bool firesStallDeadline;
            var now = _inner.GetUtcNow();
            var fired = Interlocked.Read(ref _fired);
            var stallState = _stalls?.NextStallChange;
            var stalled = _stalls?.StalledRequests ?? 0;
            lock (_gate)
            {
                _timers.RemoveAll(t => t.DueAt is null && t.Disposed);

                // A stall's attempt timeout was set before the stall began: only deadlines older than the last stall change may fire for it.
                if (!ReferenceEquals(stallState, _stallState))
                {
                    (_stallState, _stallEpoch) = (stallState, Interlocked.Read(ref _created));
                }

                // Once a stall's deadline fired, the count is stale until the simulator sees the stall end: hold still till then.
                if (ReferenceEquals(_stallFired, stallState))
                {
                    stalled = 0;
                }

                var epoch = _stallEpoch;
                bool Eligible(TrackedTimer t) => t.IsDeadline && stalled > 0 && t.Created <= epoch;

                // A flow's newest deadline with no request sent under it yet guards a request about to start (its Polly
                // timeout set, not yet sent): firing it would time out a request the server then serves.
                bool ForStall(TrackedTimer t) => Eligible(t) && !t.AwaitsItsRequest;
                bool Fires(TrackedTimer t) => !t.IsDeadline || !HoldDeadlines || ForStall(t);
                // Only a wait, or the deadline of a stalled request, is worth moving to: a client's own deadline with
                // nothing in flight may be a moment before its next wait is scheduled, and jumping to it times it out.
                var waiting = _timers.Any(t => t.DueAt is not null && (!t.IsDeadline || ForStall(t)));
                if (Requests.Count > stalled || !waiting)
                {
                    return false;
                }

                // The earliest pending timer ahead of now: a deadline before the wait's end must fire first.
                target = _timers.Where(t => t.DueAt > now && Fires(t)).Select(t => t.DueAt).Min();

                // Unless deadlines are held: one due first guards a request about to start, so let it start instead.
                if (HoldDeadlines && _timers.Any(t => t.IsDeadline && !Fires(t) && t.DueAt <= (target ?? now)))
                {
                    return false;
                }

                firesStallDeadline = _timers.Any(t => ForStall(t) && t.DueAt == target);
            }

            var step = target is { } at ? at - now : TimeSpan.Zero;
            if (MaxStep is { } max && step > max)
            {
                (step, firesStallDeadline) = (max, false);
            }

            // Timers already due fire on a zero step; a step that neither fires one nor moves time is no progress.
            var cancelledEnded = Requests.CancelledEnded;
            _inner.Advance(step);

            // Only a deadline that cancelled a request in flight ended a stall (its cancellation runs inside Advance, and
            // the request may end before the check, even inside it); another client's deadline did not, and holding
            // still for a stall end would then wait for ever.
            if (firesStallDeadline && (Requests.AnyCancelled || Requests.CancelledEnded != cancelledEnded))
            {
                _stallFired = stallState;
            }

            return target is not null || Interlocked.Read(ref _fired) != fired;
        }
    }
}
