namespace Hailuo.Contracts.Resilience;

/// <summary>One HTTP attempt took longer than the attempt timeout (or HttpClient.Timeout); the caller did not cancel.</summary>
internal sealed class AttemptTimedOutException : TimeoutException
{
    public AttemptTimedOutException()
    {
    }

    public AttemptTimedOutException(string message)
        : base(message)
    {
    }

    public AttemptTimedOutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
