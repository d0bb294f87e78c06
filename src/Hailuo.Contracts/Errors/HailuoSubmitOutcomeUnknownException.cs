namespace Hailuo.Contracts;

/// <summary>
/// The submit's body reached the wire but no clear answer came back (a reset, a timeout, a 500/502/504), so the
/// provider may or may not have created (and charged) the task. The client does not retry such a submit: a retry could
/// pay for a second video. Reconcile first: look for a task created around <see cref="SentAt"/> for this request
/// (the provider's console, or <see cref="CallbackUrl"/> if the request had one), and resubmit only if there is none.
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
        : this(message, details, request, new SubmitAttempts(sentAt, 1, details?.RequestId), innerException)
    {
    }

    /// <summary>Creates the exception with what is needed to reconcile, including the attempts made.</summary>
    public HailuoSubmitOutcomeUnknownException(string message, HailuoErrorDetails details, VideoGenerationRequest request, SubmitAttempts attempts, Exception? innerException)
        : base(message, details, innerException)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        Request = request;
        SentAt = attempts.LastSentAt;
        Attempts = attempts.Count;
        LastRequestId = attempts.LastRequestId;
        CallbackUrl = request?.CallbackUrl;
    }

    /// <summary>The request as sent (the wire body), to match against the provider's task list.</summary>
    public VideoGenerationRequest? Request { get; }

    /// <summary>When the attempt that may have created the task was sent, by the client's clock (earlier attempts were refused).</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>How many times the submit was sent: the refused ones that were retried, and the last one, whose outcome is unknown.</summary>
    public int Attempts { get; }

    /// <summary>
    /// The last request id any attempt's answer carried, possibly a refused earlier attempt's; null when none answered.
    /// <see cref="HailuoException.RequestId"/> is only the id of the attempt that may have created the task (null when it got no answer).
    /// </summary>
    public string? LastRequestId { get; }

    /// <summary>The callback URL the request carried: where the provider reports the task if it exists.</summary>
    public string? CallbackUrl { get; }
}

/// <summary>The submit's attempts: when the last was sent, how many there were, and the last request id an answer carried.</summary>
/// <param name="LastSentAt">When the last attempt was sent, by the client's clock.</param>
/// <param name="Count">How many attempts were sent.</param>
/// <param name="LastRequestId">The last request id an answer carried.</param>
public sealed record SubmitAttempts(DateTimeOffset LastSentAt, int Count, string? LastRequestId);
