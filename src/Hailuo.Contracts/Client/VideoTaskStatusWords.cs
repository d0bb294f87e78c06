namespace Hailuo.Contracts;

/// <summary>Reads the status words of both dialects.</summary>
public static class VideoTaskStatusWords
{
    /// <summary>
    /// The status a wire word means, ignoring case, as the spec's dialects map their words (APIMart's submitted, pending,
    /// success..., MiniMax's Preparing, Queueing, Fail...). A word no dialect documents is <see cref="VideoTaskStatus.Unknown"/>.
    /// </summary>
    public static VideoTaskStatus Parse(string? word)
    {
        var trimmed = word?.Trim();
        string? meaning = null;
        var dialects = HailuoSpec.Dialects;
        for (var i = 0; i < dialects.Count && meaning is null; i++)
        {
            meaning = dialects[i].StatusMeaning(trimmed);
        }

        return VideoTaskStatusMeanings.FromMeaning(meaning) ?? VideoTaskStatus.Unknown;
    }

    /// <summary>Whether the status is an end: completed, failed or cancelled.</summary>
    public static bool IsTerminal(this VideoTaskStatus status) =>
        status is VideoTaskStatus.Completed or VideoTaskStatus.Failed or VideoTaskStatus.Cancelled;
}
