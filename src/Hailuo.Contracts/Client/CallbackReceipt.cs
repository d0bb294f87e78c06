namespace Hailuo.Contracts;

/// <summary>What a POST to your callback_url was, and what to answer.</summary>
/// <param name="ChallengeResponse">For the handshake: the JSON body to answer with HTTP 200, within 3 s; null for a notification.</param>
/// <param name="TaskId">For a notification: the task it is about.</param>
/// <param name="Status">For a notification: the status it claims (confirmed by a poll before any wait acts on it).</param>
public sealed record CallbackReceipt(string? ChallengeResponse, string? TaskId, VideoTaskStatus? Status)
{
    /// <summary>Whether the POST was the challenge handshake.</summary>
    public bool IsChallenge => ChallengeResponse is not null;
}
