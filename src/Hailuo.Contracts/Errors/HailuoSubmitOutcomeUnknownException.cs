namespace Hailuo.Contracts;

/// <summary>
/// The submit's body reached the wire but no clear answer came back (a reset, a timeout, a 500/502/504), so the
/// provider may or may not have created (and charged) the task. The client does not retry such a submit: a retry could
/// pay for a second video. Reconcile first: look for a task created around <see cref="SentAt"/> for this request
/// (the provider's console, or the callback URL if the request had one), and resubmit only if there is none.
/// </summary>
public sealed class HailuoSubmitOutcomeUnknownException : HailuoException
{
    /// <summary>Creates the exception.</summary>
    public HailuoSubmitOutcomeUnknownException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public HailuoSubmitOutcomeUnknownException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HailuoSubmitOutcomeUnknownException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with what is needed to reconcile.</summary>
    public HailuoSubmitOutcomeUnknownException(string message, HailuoErrorDetails details, VideoGenerationRequest request, DateTimeOffset sentAt, Exception? innerException)
        : base(message, details, innerException)
    {
        Request = request;
        SentAt = sentAt;
    }

    /// <summary>The request as sent (the wire body), to match against the provider's task list.</summary>
    public VideoGenerationRequest? Request { get; }

    /// <summary>When the last attempt was sent, by the client's clock.</summary>
    public DateTimeOffset SentAt { get; }
}
