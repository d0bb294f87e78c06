namespace Hailuo.Contracts;

/// <summary>
/// Running totals of what a client has submitted, per model and resolution: tasks, seconds of video and estimated
/// dollars by the spec's prices. Counted when the provider accepts a task, since that is when it is charged.
/// Thread-safe.
/// </summary>
public sealed class UsageTotals
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Model, string Resolution), UsageLine> _lines = new();

    /// <summary>One line per model and resolution, ordered by model then resolution.</summary>
    public IReadOnlyList<UsageLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return _lines.Values.OrderBy(l => l.Model, StringComparer.Ordinal).ThenBy(l => l.Resolution, StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>Tasks accepted in all.</summary>
    public int Tasks => Sum(l => l.Tasks);

    /// <summary>Seconds of video in all.</summary>
    public int Seconds => Sum(l => l.Seconds);

    /// <summary>Estimated dollars for the priced seconds.</summary>
    public decimal Dollars
    {
        get
        {
            lock (_gate)
            {
                return _lines.Values.Sum(l => l.Dollars);
            }
        }
    }

    /// <summary>Seconds whose price the spec does not publish, so not in <see cref="Dollars"/>.</summary>
    public int UnpricedSeconds => Sum(l => l.UnpricedSeconds);

    /// <summary>Adds one accepted task.</summary>
    public void Record(string model, string resolution, CostEstimate cost)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(resolution);
        var key = (model, resolution.ToLowerInvariant());
        lock (_gate)
        {
            var line = _lines.TryGetValue(key, out var existing) ? existing : new UsageLine(model, key.Item2, 0, 0, 0m, 0);
            _lines[key] = cost.Dollars is { } dollars
                ? line with { Tasks = line.Tasks + 1, Seconds = line.Seconds + cost.Seconds, Dollars = line.Dollars + dollars }
                : line with { Tasks = line.Tasks + 1, Seconds = line.Seconds + cost.Seconds, UnpricedSeconds = line.UnpricedSeconds + cost.Seconds };
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Tasks} tasks, {Seconds} s, ${Dollars.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}" + (UnpricedSeconds > 0 ? $" (+{UnpricedSeconds} s unpriced)" : string.Empty);

    private int Sum(Func<UsageLine, int> part)
    {
        lock (_gate)
        {
            return _lines.Values.Sum(part);
        }
    }
}

/// <summary>Totals for one model at one resolution.</summary>
/// <param name="Model">The model id.</param>
/// <param name="Resolution">The resolution, such as "768p".</param>
/// <param name="Tasks">Tasks accepted.</param>
/// <param name="Seconds">Seconds of video.</param>
/// <param name="Dollars">Estimated dollars of the priced seconds.</param>
/// <param name="UnpricedSeconds">Seconds without a published price.</param>
public sealed record UsageLine(string Model, string Resolution, int Tasks, int Seconds, decimal Dollars, int UnpricedSeconds);
