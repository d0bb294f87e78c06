namespace Hailuo.MockServer;

/// <summary>
/// The requests in flight to a simulator, counted where every request passes (the server's pipeline, and a client's
/// <see cref="VirtualClockDriver.CreateHandler"/>): a <see cref="VirtualClockDriver"/> moves time only while none is.
/// </summary>
public sealed class RequestsInFlight
{
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    /// <summary>How many requests are in flight now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Counts a request from now until the returned scope is disposed.</summary>
    public IDisposable Enter()
    {
        Interlocked.Increment(ref _count);
        Signal();
        return new Scope(this);
    }

    /// <summary>Completes at the next change of the count (or of anything else the driver watches).</summary>
    internal Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Wakes whoever waits on <see cref="NextChange"/>.</summary>
    internal void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private void Exit()
    {
        Interlocked.Decrement(ref _count);
        Signal();
    }

    private sealed class Scope(RequestsInFlight owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Exit();
            }
        }
    }
}
