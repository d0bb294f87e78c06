using System.Globalization;

namespace Hailuo.Jobs;

/// <summary>A spending cap in US dollars over a job or a batch; jobs past it are refused before any request.</summary>
public sealed class JobBudget
{
    private readonly object _gate = new();
    private decimal _reserved;

    /// <summary>A cap of <paramref name="capDollars"/>.</summary>
    public JobBudget(decimal capDollars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capDollars);
        CapDollars = capDollars;
    }

    /// <summary>The cap.</summary>
    public decimal CapDollars { get; }

    /// <summary>Dollars taken by the jobs started under this budget so far.</summary>
    public decimal ReservedDollars
    {
        get
        {
            lock (_gate)
            {
                return _reserved;
            }
        }
    }

    /// <summary>Takes a job's estimated cost, or refuses it without taking anything.</summary>
    /// <exception cref="HailuoBudgetExceededException">The cost is unknown, or it would pass the cap.</exception>
    public void Reserve(string jobKey, decimal? dollars)
    {
        lock (_gate)
        {
            if (dollars is not { } cost)
            {
                throw new HailuoBudgetExceededException(jobKey, null, CapDollars, _reserved,
                    $"Job {jobKey} was refused before any request: its price is not published in the spec, so it cannot be held to the cap of {Money(CapDollars)}.");
            }

            if (_reserved + cost > CapDollars)
            {
                throw new HailuoBudgetExceededException(jobKey, cost, CapDollars, _reserved,
                    $"Job {jobKey} was refused before any request: it costs {Money(cost)}, and {Money(_reserved)} of the cap of {Money(CapDollars)} is already taken.");
            }

            _reserved += cost;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Money(ReservedDollars)} of {Money(CapDollars)}";

    internal static string Money(decimal dollars) => "$" + dollars.ToString("0.00", CultureInfo.InvariantCulture);
}
