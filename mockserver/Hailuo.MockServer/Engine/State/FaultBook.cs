namespace Hailuo.MockServer.Simulation;

/// <summary>The scripted faults still to apply, used up in the order they were added.</summary>
internal sealed class FaultBook
{
    private readonly List<FaultRule> _rules = new();
    private int _count;

    public IReadOnlyList<FaultRule> Pending
    {
        get
        {
            lock (_rules)
            {
                return _rules.ToArray();
            }
        }
    }

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Count, 1, nameof(rule));
        if (!Enum.IsDefined(rule.Endpoint) || !Enum.IsDefined(rule.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown endpoint or fault kind.");
        }

        lock (_rules)
        {
            _rules.Add(rule);
            Volatile.Write(ref _count, _rules.Count);
        }
    }

    /// <summary>The fault for this request, using up one count of the first matching rule; null when none applies.</summary>
    public FaultKind? Take(SimulatorEndpoint endpoint)
    {
        // Most requests meet an empty book: skip the lock.
        if (Volatile.Read(ref _count) == 0)
        {
            return null;
        }

        lock (_rules)
        {
            var index = _rules.FindIndex(r => r.Endpoint == endpoint || r.Endpoint == SimulatorEndpoint.Any);
            if (index < 0)
            {
                return null;
            }

            var rule = _rules[index];
            if (rule.Count == 1)
            {
                _rules.RemoveAt(index);
            }
            else
            {
                _rules[index] = rule with { Count = rule.Count - 1 };
            }

            Volatile.Write(ref _count, _rules.Count);
            return rule.Kind;
        }
    }

    public void Clear()
    {
        lock (_rules)
        {
            _rules.Clear();
            Volatile.Write(ref _count, 0);
        }
    }
}
