namespace Hailuo.Jobs;

/// <summary>A settlement was refused (no such job, not "outcome unknown", a task id of the wrong shape); nothing changed.</summary>
public sealed class JobSettlementException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public JobSettlementException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JobSettlementException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public JobSettlementException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception, saying whether the job was missing.</summary>
    public JobSettlementException(string message, bool notFound)
        : base(message)
    {
        NotFound = notFound;
    }

    /// <summary>Whether the ledger holds no such job.</summary>
    public bool NotFound { get; }
}
