namespace Hailuo.MockServer;

public sealed partial class VirtualClockDriver
{
    /// <summary>A timer of the inner clock whose due time the driver can see.</summary>
    private sealed class TrackedTimer(VirtualClockDriver owner, bool isDeadline, long created) : ITimer
    {
        private TimeSpan? _period;
        private long _firings;
        private volatile bool _awaitsItsRequest = isDeadline;

        public ITimer Inner { get; set; } = null!;

        public bool IsDeadline { get; } = isDeadline;

        /// <summary>The order the timer was created in, to tell a stalled request's deadline from later ones.</summary>
        public long Created { get; } = created;

        public DateTimeOffset? DueAt { get; private set; }

        public bool Disposed { get; private set; }

        /// <summary>A deadline its flow created last, before any request was sent under it (see <see cref="SendingUnderFlowDeadline"/>).</summary>
        public bool AwaitsItsRequest => _awaitsItsRequest;

        /// <summary>A request was sent under the deadline, or its flow made a newer one: it no longer waits for a request.</summary>
        /// <remarks>No signal of its own: both callers signal next (the request's count, the new timer's due time).</remarks>
        public void Settle() => _awaitsItsRequest = false;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            long firings;
            lock (owner._gate)
            {
                if (Disposed)
                {
                    return false;
                }

                firings = _firings;
                DueAt = null;
                _period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            }

            var changed = Inner.Change(dueTime, period);

            // Read the clock after the inner timer took it, so the recorded due time is never earlier than the real one
            // (an earlier one is never fired and would be chased forever); a timer that fired meanwhile keeps what it set.
            lock (owner._gate)
            {
                if (!Disposed && _firings == firings)
                {
                    DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._inner.GetUtcNow() + dueTime;
                }
            }

            owner.Requests.Signal();
            return changed;
        }

        public void Fired()
        {
            lock (owner._gate)
            {
                _firings++;
                DueAt = _period is { } p && DueAt is { } due ? due + p : null;
            }

            Interlocked.Increment(ref owner._fired);
            owner.Requests.Signal();
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                Disposed = true;
                DueAt = null;
            }

            Inner.Dispose();
            owner.Requests.Signal();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
