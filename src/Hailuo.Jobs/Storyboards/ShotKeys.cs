using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hailuo.Jobs;

/// <summary>
/// Job keys from a shot's content: the same request (and, for a chained shot, the same shot before it) is the same job
/// in any film on the ledger; a draft's shots are never a final's.
/// </summary>
internal static class ShotKeys
{
    /// <summary>The content key of a shot; <paramref name="after"/> is the job key of the shot a chained shot starts from.</summary>
    public static string Content(StoryboardPlan plan, PlannedClip clip, string? scope, string? after, int occurrence)
    {
        var text = new StringBuilder()
            .Append(plan.Provider).Append('\n')
            .Append(scope).Append('\n')
            .Append(plan.Draft ? "draft" : "final").Append('\n')
            .Append(RequestJson.Write(clip.Request)).Append('\n')
            .Append(clip.ChainsFromPrevious ? "after " + after : "independent").Append('\n')

            // Equal shots in one film are kept apart, so a shot written twice is rendered twice.
            .Append(occurrence.ToString(CultureInfo.InvariantCulture));
        return "shot-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 8).ToLowerInvariant();
    }

    /// <summary>The job key of a take of a shot.</summary>
    public static string Take(string content, int take) => content + "/take-" + take.ToString(CultureInfo.InvariantCulture);

    /// <summary>The key a ledger written before content keys gave a storyboard's shot.</summary>
    public static string Former(string storyboardKey, int number) => storyboardKey + "/shot-" + number.ToString("00", CultureInfo.InvariantCulture);
}
