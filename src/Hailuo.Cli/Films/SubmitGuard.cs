using Hailuo.Jobs;

namespace Hailuo.Cli.Films;

/// <summary>
/// Holds Ctrl-C back while a submit is on the wire until its answer is recorded, so a rerun resumes that shot by its
/// task id instead of finding its outcome unknown (which the ledger never resubmits, so as not to pay twice).
/// </summary>
internal sealed class SubmitGuard : IDisposable
{
    private readonly CancellationTokenSource _inner = new();
    private readonly HashSet<string> _submitting = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly CancellationTokenRegistration _registration;
    private bool _requested;

    public SubmitGuard(CancellationToken outer)
    {
        _registration = outer.Register(() => Settle(() => _requested = true));
    }

    /// <summary>Cancelled once Ctrl-C came and no submit is waiting for its answer.</summary>
    public CancellationToken Token => _inner.Token;

    public void Observe(JobEvent change) => Settle(() =>
    {
        if (change.State == JobState.Submitting)
        {
            _submitting.Add(change.Key);
        }
        else
        {
            _submitting.Remove(change.Key);
        }
    });

    public void Dispose()
    {
        _registration.Dispose();
        _inner.Dispose();
    }

    private void Settle(Action update)
    {
        bool cancel;
        lock (_gate)
        {
            update();
            cancel = _requested && _submitting.Count == 0 && !_inner.IsCancellationRequested;
        }

        // Outside the lock: cancelling runs the token's callbacks on this thread.
        if (cancel)
        {
            _inner.Cancel();
        }
    }
}
