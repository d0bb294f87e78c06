namespace Hailuo.MockServer.Simulation;

/// <summary>A sliding one-minute window per key on the simulator's clock.</summary>
internal sealed class RateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _requests = new(StringComparer.Ordinal);
    private readonly int? _perMinute;

    public RateLimiter(int? perMinute)
    {
        _perMinute = perMinute;
    }

    /// <summary>Null when the request may go ahead (and is counted); otherwise how long until it may.</summary>
    public TimeSpan? TryAcquire(string key, DateTimeOffset now)
    {
        if (_perMinute is not { } limit)
        {
            return null;
        }

        lock (_requests)
        {
            if (!_requests.TryGetValue(key, out var times))
            {
                times = new Queue<DateTimeOffset>();
                _requests[key] = times;
            }

            while (times.Count > 0 && times.Peek() + Window <= now)
            {
                times.Dequeue();
            }

            if (times.Count >= limit)
            {
                return times.Peek() + Window - now;
            }

            times.Enqueue(now);
            return null;
        }
    }

    public void Reset()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }
}
