using System.Diagnostics.CodeAnalysis;
using WireMock;
using WireMock.Handlers;

namespace Hailuo.MockServer.Server;

/// <summary>
/// WireMock.Net's in-memory scenario store with every change made under one lock: WireMock.Net counts a state's uses
/// with an unguarded increment, so two requests at once could skip the count a state waits for and stay in it forever.
/// </summary>
internal sealed class SerialScenarioStore : IScenarioStateStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ScenarioState> _scenarios = new(StringComparer.OrdinalIgnoreCase);

    public bool TryGet(string name, [NotNullWhen(true)] out ScenarioState? state)
    {
        lock (_gate)
        {
            return _scenarios.TryGetValue(name, out state);
        }
    }

    public IReadOnlyList<ScenarioState> GetAll()
    {
        lock (_gate)
        {
            return _scenarios.Values.ToArray();
        }
    }

    public bool ContainsKey(string name)
    {
        lock (_gate)
        {
            return _scenarios.ContainsKey(name);
        }
    }

    public bool TryAdd(string name, ScenarioState scenarioState)
    {
        lock (_gate)
        {
            return _scenarios.TryAdd(name, scenarioState);
        }
    }

    public ScenarioState AddOrUpdate(string name, Func<string, ScenarioState> addFactory, Func<string, ScenarioState, ScenarioState> updateFactory)
    {
        ArgumentNullException.ThrowIfNull(addFactory);
        ArgumentNullException.ThrowIfNull(updateFactory);
        lock (_gate)
        {
            var state = _scenarios.TryGetValue(name, out var current) ? updateFactory(name, current) : addFactory(name);
            _scenarios[name] = state;
            return state;
        }
    }

    public ScenarioState? Update(string name, Action<ScenarioState> updateAction)
    {
        ArgumentNullException.ThrowIfNull(updateAction);
        lock (_gate)
        {
            if (!_scenarios.TryGetValue(name, out var state))
            {
                return null;
            }

            updateAction(state);
            return state;
        }
    }

    public bool TryRemove(string name)
    {
        lock (_gate)
        {
            return _scenarios.Remove(name);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _scenarios.Clear();
        }
    }
}
