namespace Hailuo.Jobs;

/// <summary>A job was refused before any request because its estimated cost would pass its budget's cap.</summary>
public sealed class HailuoBudgetExceededException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public HailuoBudgetExceededException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public HailuoBudgetExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HailuoBudgetExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the figures.</summary>
    public HailuoBudgetExceededException(string jobKey, decimal? costDollars, decimal capDollars, decimal reservedDollars, string message)
        : base(message)
    {
        JobKey = jobKey;
        CostDollars = costDollars;
        CapDollars = capDollars;
        ReservedDollars = reservedDollars;
    }

    /// <summary>The refused job.</summary>
    public string? JobKey { get; }

    /// <summary>Its estimated cost, or null where the price is unpublished.</summary>
    public decimal? CostDollars { get; }

    /// <summary>The budget's cap.</summary>
    public decimal CapDollars { get; }

    /// <summary>What the budget had already taken.</summary>
    public decimal ReservedDollars { get; }
}
