namespace Hailuo.MockServer;

/// <summary>
/// The requests in flight to a simulator, counted where every request passes (the server's pipeline, and a client's
/// <see cref="VirtualClockDriver.CreateHandler"/>): a <see cref="VirtualClockDriver"/> moves time only while none is.
/// </summary>
public sealed class RequestsInFlight
{
    private readonly object _gate = new();
    private readonly List<CancellationToken> _tokens = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private long _cancelledEnded;

    /// <summary>How many requests are in flight now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Counts a request from now until the returned scope is disposed.</summary>
    public IDisposable Enter()
    {
        Interlocked.Increment(ref _count);
        Signal();
        return new Scope(this);
    }

    /// <summary>Counts a request until the scope is disposed, with the token that cancels it, so a driver can tell which deadline cancelled a request in flight.</summary>
    internal IDisposable Enter(CancellationToken cancelledBy)
    {
        lock (_gate)
        {
            _tokens.Add(cancelledBy);
        }

        var counted = Enter();
        return new TokenScope(this, counted, cancelledBy);
    }

    /// <summary>Whether a request in flight has been cancelled (by a deadline that just fired) and has not ended yet.</summary>
    internal bool AnyCancelled
    {
        get
        {
            lock (_gate)
            {
                return _tokens.Any(t => t.IsCancellationRequested);
            }
        }
    }

    /// <summary>How many requests have ended after their token was cancelled: one that ended while a driver fired its deadline is no longer in <see cref="AnyCancelled"/>.</summary>
    internal long CancelledEnded => Interlocked.Read(ref _cancelledEnded);

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

    private sealed class TokenScope(RequestsInFlight owner, IDisposable counted, CancellationToken token) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lock (owner._gate)
                {
                    owner._tokens.Remove(token);
                }

                if (token.IsCancellationRequested)
                {
                    Interlocked.Increment(ref owner._cancelledEnded);
                }

                counted.Dispose();
            }
        }
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
