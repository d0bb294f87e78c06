namespace Hailuo.Contracts;

/// <summary>
/// The task ended as failed (or cancelled); the provider's message says why. Nothing to download. A task flagged as
/// sensitive content has <see cref="HailuoException.ErrorCode"/> "content-policy": change the prompt or images.
/// </summary>
public sealed class HailuoTaskFailedException : HailuoException
{
    /// <summary>Creates the exception.</summary>
    public HailuoTaskFailedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public HailuoTaskFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HailuoTaskFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a task as last seen.</summary>
    public HailuoTaskFailedException(string message, HailuoErrorDetails details, VideoTask? task)
        : base(message, details)
    {
        Task = task;
        ErrorMessage = task?.ErrorMessage;
    }

    /// <summary>The task as last seen, or null when the service refused it at submit.</summary>
    public VideoTask? Task { get; }

    /// <summary>The provider's own words about the failure (error_message, error.message or base_resp.status_msg).</summary>
    public string? ErrorMessage { get; }
}
