namespace Hailuo.Contracts;

/// <summary>
/// The task did not finish within the wait's deadline. The task goes on at the provider: wait again later with its
/// id (<see cref="HailuoException.TaskId"/>), which costs nothing more.
/// </summary>
public sealed class HailuoTimeoutException : HailuoException
{
    /// <summary>Creates the exception.</summary>
    public HailuoTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public HailuoTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HailuoTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a task as last seen.</summary>
    public HailuoTimeoutException(string message, HailuoErrorDetails details, VideoTask? lastSeen, TimeSpan waited)
        : base(message, details)
    {
        LastSeen = lastSeen;
        Waited = waited;
    }

    /// <summary>The task as the last successful poll saw it.</summary>
    public VideoTask? LastSeen { get; }

    /// <summary>How long the wait lasted.</summary>
    public TimeSpan Waited { get; }
}
