namespace Hailuo.Contracts;

/// <summary>The input was flagged as sensitive content (MiniMax 1026): change the prompt or images; retrying will not help.</summary>
public sealed class HailuoContentPolicyException : HailuoTaskFailedException
{
    /// <summary>Creates the exception.</summary>
    public HailuoContentPolicyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public HailuoContentPolicyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HailuoContentPolicyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a task as last seen, or for a submit the service refused (task null).</summary>
    public HailuoContentPolicyException(string message, HailuoErrorDetails details, VideoTask? task)
        : base(message, details, task)
    {
    }
}
