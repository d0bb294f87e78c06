using System.Collections.Concurrent;

namespace Hailuo.Contracts.Client;

/// <summary>Wakes waits early when a callback says their task moved; the wait then polls to confirm.</summary>
internal sealed class TaskNudges
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>A token cancelled when the task is nudged; dispose the registration when the delay ends.</summary>
    public Registration Register(string taskId, CancellationToken outer)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _waiting[taskId] = source;
        return new Registration(this, taskId, source);
    }

    /// <summary>Wakes the wait on the task, if one is sleeping.</summary>
    public bool Nudge(string taskId)
    {
        if (!_waiting.TryGetValue(taskId, out var source))
        {
            return false;
        }

        try
        {
            source.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    internal sealed class Registration(TaskNudges owner, string taskId, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public bool Nudged(CancellationToken outer) => source.IsCancellationRequested && !outer.IsCancellationRequested;

        public void Dispose()
        {
            ((ICollection<KeyValuePair<string, CancellationTokenSource>>)owner._waiting).Remove(new(taskId, source));
            source.Dispose();
        }
    }
}
