namespace Hailuo.MockServer.Simulation;

/// <summary>The requests a Stall fault holds open right now, so tests wait for one instead of sleeping or spinning.</summary>
internal sealed class StallWatch
{
    private readonly object _gate = new();
    private readonly Dictionary<SimulatorEndpoint, int> _open = new();
    private readonly List<(SimulatorEndpoint Endpoint, TaskCompletionSource Stalled)> _waiters = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many requests are stalled now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _open.Values.Sum();
            }
        }
    }

    /// <summary>Completes at the next stall's start or end.</summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Counts the request as stalled until the returned scope is disposed, and wakes those waiting for it.</summary>
    public IDisposable Hold(SimulatorEndpoint endpoint)
    {
        List<TaskCompletionSource> woken;
        lock (_gate)
        {
            _open[endpoint] = _open.GetValueOrDefault(endpoint) + 1;
            woken = _waiters.Where(w => Matches(w.Endpoint, endpoint)).Select(w => w.Stalled).ToList();
            _waiters.RemoveAll(w => Matches(w.Endpoint, endpoint));
            woken.Add(Renew());
        }

        woken.ForEach(w => w.TrySetResult());
        return new Scope(this, endpoint);
    }

    /// <summary>Completes at once when a request to the endpoint (any, for <see cref="SimulatorEndpoint.Any"/>) is stalled, otherwise when one starts to stall.</summary>
    public Task WhenStalledAsync(SimulatorEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(endpoint))
        {
            throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "Unknown endpoint.");
        }

        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_open.Any(o => o.Value > 0 && Matches(endpoint, o.Key)))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((endpoint, stalled));
        }

        return stalled.Task.WaitAsync(cancellationToken);
    }

    private static bool Matches(SimulatorEndpoint wanted, SimulatorEndpoint stalled) => wanted == SimulatorEndpoint.Any || wanted == stalled;

    private void Release(SimulatorEndpoint endpoint)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _open[endpoint]--;
            changed = Renew();
        }

        changed.TrySetResult();
    }

    // Called under the lock: hands back the completed change's source, to be set outside the lock.
    private TaskCompletionSource Renew()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return previous;
    }

    private sealed class Scope(StallWatch watch, SimulatorEndpoint endpoint) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                watch.Release(endpoint);
            }
        }
    }
}
