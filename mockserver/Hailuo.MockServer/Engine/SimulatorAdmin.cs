using Hailuo.MockServer.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Hailuo.MockServer;

/// <summary>The simulator's admin API for embedding code: journal, tasks, clock, faults and reset (also under /__admin/ over HTTP).</summary>
public sealed class SimulatorAdmin
{
    private readonly SimulatorState _state;

    internal SimulatorAdmin(SimulatorState state)
    {
        _state = state;
    }

    /// <summary>The requests received so far, oldest first, secrets removed.</summary>
    public IReadOnlyList<JournalEntry> Journal => _state.Journal.Entries;

    /// <summary>Every task, oldest first, each with its phase at the moment of reading.</summary>
    public IReadOnlyList<SimulatedTask> Tasks
    {
        get
        {
            var now = _state.Now;
            return _state.Tasks.All().Select(t => t.ToSnapshot(now)).ToArray();
        }
    }

    /// <summary>Fault rules not yet used up.</summary>
    public IReadOnlyList<FaultRule> PendingFaults => _state.Faults.Pending;

    /// <summary>Dollars left on the account, or null when unlimited.</summary>
    public decimal? Balance => _state.Account.Balance;

    /// <summary>Forgets tasks, journal, faults and rate-limit windows and restores the starting balance; the clock keeps its time.</summary>
    public void Reset() => _state.Reset();

    /// <summary>Moves the simulator's clock forward; tasks move on and URLs expire accordingly.</summary>
    /// <exception cref="InvalidOperationException">The simulator runs on the system clock.</exception>
    public void Advance(TimeSpan by)
    {
        if (_state.Clock is not FakeTimeProvider clock)
        {
            throw new InvalidOperationException("This simulator runs on the system clock; only a FakeTimeProvider can be advanced.");
        }

        clock.Advance(by);
    }

    /// <summary>
    /// Makes the next requests to an endpoint fail; rules are used up in the order they were added, after a user's own
    /// higher-priority WireMock.Net stubs (which answer first) and before the key check and rate limit.
    /// </summary>
    public void ScriptFault(FaultRule rule) => _state.Faults.Add(rule);

    /// <summary>Forgets the fault rules not yet used up.</summary>
    public void ClearFaults() => _state.Faults.Clear();

    /// <summary>How many entries WireMock.Net's capped request log has dropped (oldest first) since the simulator started.</summary>
    public long DroppedLogEntries => _state.DroppedLogEntries;

    /// <summary>
    /// Completes when a <see cref="FaultKind.Stall"/> fault holds a request to the endpoint open (<see cref="SimulatorEndpoint.Any"/>:
    /// to any endpoint): at once if one is stalled now, otherwise as soon as one starts to stall.
    /// </summary>
    public Task WhenStalledAsync(SimulatorEndpoint endpoint, CancellationToken cancellationToken = default) =>
        _state.Stalls.WhenStalledAsync(endpoint, cancellationToken);

    /// <summary>How many requests <see cref="FaultKind.Stall"/> faults hold open now: they wait for the client to give up, so a clock may move.</summary>
    public int StalledRequests => _state.Stalls.Count;

    /// <summary>Completes at the next start or end of a stall, so a clock loop can look again without polling.</summary>
    public Task NextStallChange => _state.Stalls.NextChange;
}
