using System.Text.RegularExpressions;

namespace Hailuo.Contracts;

/// <summary>
/// The shape of each dialect's task ids, checked before an id from outside (a callback) is stored or put in a URL:
/// APIMart's are "task_" and a ULID-like word ("task_01K8SGYNNNVBQTXNR4MM964S7K", seed-003 and APIMart's submit pages),
/// MiniMax's are decimal numbers ("106916112212032", minimax-video-generation). Letters, digits and underscores only.
/// </summary>
public static partial class TaskIds
{
    /// <summary>Whether <paramref name="taskId"/> has the shape of a task id of <paramref name="dialect"/>.</summary>
    public static bool IsWellFormed(WireDialect dialect, string? taskId) => taskId is not null && dialect switch
    {
        WireDialect.ApiMart => ApiMart().IsMatch(taskId),
        WireDialect.MiniMax => MiniMax().IsMatch(taskId),
        _ => false,
    };

    /// <summary>What a task id of <paramref name="dialect"/> looks like, in words, for error messages.</summary>
    public static string Describe(WireDialect dialect) => dialect == WireDialect.MiniMax
        ? "a decimal number of up to 32 digits"
        : "\"task_\" followed by up to 64 letters, digits or underscores";

    [GeneratedRegex(@"\Atask_[A-Za-z0-9_]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ApiMart();

    [GeneratedRegex(@"\A[0-9]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex MiniMax();
}
