using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Hailuo.Jobs.Tests.Support;

/// <summary>
/// The jobs' and client's clock in these tests: the simulator's clock, moved by <see cref="RunAsync{T}"/> only while
/// no request is in flight, and then exactly to the earliest timer that a job or the client is waiting on.
/// </summary>
internal sealed class SimTime : TimeProvider
{
    private readonly FakeTimeProvider _inner;
    private readonly object _gate = new();
    private readonly HashSet<Timer> _timers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private long _created;
    private Task? _stallState;
    private long _stallEpoch;
    private Task? _stallFired;

    public SimTime(FakeTimeProvider inner) => _inner = inner;

    /// <summary>
    /// The longest single move: the simulator's own timers (callback notifications) are invisible here, so tests with a
    /// callback receiver move in steps and let each notification land before the clock goes on.
    /// </summary>
    public TimeSpan? MaxStep { get; set; }

    /// <summary>
    /// The simulator's stalled requests (its admin's count and next change): a stall waits for the client's attempt
    /// timeout, so it does not hold the clock, and the deadlines it waits on may fire.
    /// </summary>
    public SimulatorAdmin? Stalls { get; set; }

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // A CancellationTokenSource's timer is a deadline guarding other work, not something anyone waits for.
        var timer = new Timer(this, state is CancellationTokenSource, Interlocked.Increment(ref _created));
        timer.Inner = _inner.CreateTimer(s => { timer.Fired(); callback(s); }, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Wraps a handler so its requests count as in flight.</summary>
    public HttpMessageHandler Track(HttpMessageHandler inner) => new Tracker(this, inner);

    /// <summary>Runs an operation to its end, advancing time each time everything waits on a timer.</summary>
    public async Task<T> RunAsync<T>(Task<T> operation)
    {
        while (!operation.IsCompleted)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (!TryAdvance())
            {
                await Guard(Task.WhenAny(operation, changed, Stalls?.NextStallChange ?? changed));
            }
        }

        return await operation;
    }

    public async Task RunAsync(Task operation) => await RunAsync(Wrap(operation));

    /// <summary>Waits (on signals, not on time) until the condition holds.</summary>
    public async Task UntilAsync(Func<bool> condition)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return;
            }

            await Guard(changed);
        }
    }

    /// <summary>Wakes <see cref="UntilAsync"/> and <see cref="RunAsync{T}"/> to look again.</summary>
    public void Signal()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }

    private static async Task<bool> Wrap(Task operation)
    {
        await operation;
        return true;
    }

    /// <summary>Only turns a stuck test into a failure; nothing waits on this time.</summary>
    private async Task Guard(Task task)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(180));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Virtual time is stuck at {GetUtcNow().ToString("O", CultureInfo.InvariantCulture)} with {Volatile.Read(ref _inFlight)} request(s) in flight.", e);
        }
    }

    private bool TryAdvance()
    {
        DateTimeOffset target;
        bool firesStallDeadline;
        var stallState = Stalls?.NextStallChange;
        var stalled = Stalls?.StalledRequests ?? 0;
        lock (_gate)
        {
            // A stall's attempt timeout was set before the stall began: only deadlines older than the last stall change may fire.
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
            bool Eligible(Timer t) => t.DueAt is not null && (!t.IsDeadline || (stalled > 0 && t.Created <= epoch));
            if (Volatile.Read(ref _inFlight) > stalled || !_timers.Any(Eligible))
            {
                return false;
            }

            // Any other deadline due first guards a request about to start: let it start instead of expiring it.
            target = _timers.Where(Eligible).Min(t => t.DueAt!.Value);
            if (_timers.Any(t => t.IsDeadline && !Eligible(t) && t.DueAt <= target))
            {
                return false;
            }

            firesStallDeadline = stalled > 0 && _timers.Any(t => t.IsDeadline && Eligible(t) && t.DueAt == target);
        }

        var by = target - _inner.GetUtcNow();
        if (MaxStep is { } step && by > step)
        {
            by = step;
            firesStallDeadline = false;
        }

        if (firesStallDeadline)
        {
            _stallFired = stallState;
        }

        // A step that moves no time must still make progress, or the run loop would spin without ever waiting.
        _inner.Advance(by > TimeSpan.Zero ? by : TimeSpan.FromMilliseconds(1));
        return true;
    }

    private sealed class Tracker(SimTime time, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref time._inFlight);
            time.Signal();
            try
            {
                var response = await base.SendAsync(request, cancellationToken);

                // The body is part of the request's work: buffer it before the clock may move.
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref time._inFlight);
                time.Signal();
            }
        }
    }

    private sealed class Timer(SimTime owner, bool isDeadline, long created) : ITimer
    {
        private TimeSpan? _period;

        public ITimer Inner { get; set; } = null!;

        public bool IsDeadline { get; } = isDeadline;

        /// <summary>The order the timer was created in, to tell a stalled request's deadline from later ones.</summary>
        public long Created { get; } = created;

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // Set the real timer first: a due time read after it can only be late, never early, so advancing to it fires it.
            var changed = Inner.Change(dueTime, period);
            lock (owner._gate)
            {
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._inner.GetUtcNow() + dueTime;
                _period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
                owner._timers.Add(this);
            }

            owner.Signal();
            return changed;
        }

        public void Fired()
        {
            lock (owner._gate)
            {
                DueAt = _period is { } p && DueAt is { } due ? due + p : null;
                if (DueAt is null)
                {
                    owner._timers.Remove(this);
                }
            }

            owner.Signal();
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                DueAt = null;
                owner._timers.Remove(this);
            }

            Inner.Dispose();
            owner.Signal();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
