using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Hailuo.Contracts.ContractTests.Infrastructure;

/// <summary>
/// The client's clock in tests: the simulator's <see cref="FakeTimeProvider"/>, plus a record of the timers the client
/// creates and of its requests in flight. <see cref="RunAsync{T}"/> moves virtual time only when the client is idle
/// (no request in flight, waiting on a delay), and then exactly to the next timer: no sleeps, no wall clock.
/// </summary>
internal sealed class VirtualClock : TimeProvider
{
    private readonly FakeTimeProvider _inner;
    private readonly object _gate = new();
    private readonly List<TrackedTimer> _timers = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;

    public VirtualClock(FakeTimeProvider inner) => _inner = inner;

    public int InFlight => Volatile.Read(ref _inFlight);

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
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

    public void RequestStarted()
    {
        Interlocked.Increment(ref _inFlight);
        Signal();
    }

    public void RequestEnded()
    {
        Interlocked.Decrement(ref _inFlight);
        Signal();
    }

    /// <summary>Runs an operation to its end, advancing virtual time each time the client is idle.</summary>
    public async Task<T> RunAsync<T>(Task<T> operation)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (operation.IsCompleted)
            {
                return await operation;
            }

            if (!TryAdvanceToNextTimer())
            {
                await Watchdog(Task.WhenAny(operation, changed));
            }
        }
    }

    /// <summary>Runs an operation without a result, such as waiting for the simulator to stall a request, on virtual time.</summary>
    public Task RunAsync(Task operation) => RunAsync(Completed(operation));

    /// <summary>Waits (in real time, by signals, no polling) until the condition holds.</summary>
    public async Task UntilAsync(Func<VirtualClock, bool> condition, Task? orUntil = null)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition(this) || orUntil?.IsCompleted == true)
            {
                return;
            }

            await Watchdog(orUntil is null ? changed : Task.WhenAny(changed, orUntil));
        }
    }

    /// <summary>Moves the clock; timers that fall due fire.</summary>
    public void Advance(TimeSpan by) => _inner.Advance(by);

    private static async Task<bool> Completed(Task operation)
    {
        await operation;
        return true;
    }

    /// <summary>A hang guard, not a timing: nothing in a test waits on it, it only turns a stuck test into a failure.</summary>
    private async Task Watchdog(Task task)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            string timers;
            lock (_gate)
            {
                timers = string.Join(", ", _timers.Where(t => t.DueAt is not null).Select(t => (t.IsDeadline ? "deadline " : "wait ") + t.DueAt!.Value.ToString("HH:mm:ss", CultureInfo.InvariantCulture)));
            }

            throw new TimeoutException($"The virtual clock driver is stuck at {GetUtcNow():HH:mm:ss}: {InFlight} request(s) in flight, timers: [{timers}].", e);
        }
    }

    private bool TryAdvanceToNextTimer()
    {
        DateTimeOffset target;
        lock (_gate)
        {
            _timers.RemoveAll(t => t.DueAt is null && t.Disposed);
            var waiting = _timers.Any(t => !t.IsDeadline && t.DueAt is not null);
            if (InFlight > 0 || !waiting)
            {
                return false;
            }

            // The earliest of all pending timers: a deadline before the wait's end must fire first.
            target = _timers.Where(t => t.DueAt is not null).Min(t => t.DueAt!.Value);
        }

        var by = target - _inner.GetUtcNow();
        _inner.Advance(by < TimeSpan.Zero ? TimeSpan.Zero : by);
        return true;
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private sealed class TrackedTimer : ITimer
    {
        private readonly VirtualClock _owner;
        private TimeSpan? _period;

        public TrackedTimer(VirtualClock owner, bool isDeadline)
        {
            _owner = owner;
            IsDeadline = isDeadline;
        }

        public ITimer Inner { get; set; } = null!;

        public bool IsDeadline { get; }

        public DateTimeOffset? DueAt { get; private set; }

        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_owner._gate)
            {
                if (Disposed)
                {
                    return false;
                }

                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _owner._inner.GetUtcNow() + dueTime;
                _period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            }

            var changed = Inner.Change(dueTime, period);
            _owner.Signal();
            return changed;
        }

        public void Fired()
        {
            lock (_owner._gate)
            {
                DueAt = _period is { } p && DueAt is { } due ? due + p : null;
            }

            _owner.Signal();
        }

        public void Dispose()
        {
            lock (_owner._gate)
            {
                Disposed = true;
                DueAt = null;
            }

            Inner.Dispose();
            _owner.Signal();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
