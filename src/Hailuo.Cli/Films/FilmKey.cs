using System.Security.Cryptography;
using System.Text;
using Hailuo.Jobs;

namespace Hailuo.Cli.Films;

/// <summary>
/// The storyboard key of a plan: the same plan on the same ledger resumes, and a changed plan gets shots of its own
/// instead of the clips of another.
/// </summary>
internal static class FilmKey
{
    /// <summary>The key; a simulated film's shots never share a ledger entry with a paid one's.</summary>
    public static string Of(StoryboardPlan plan, bool simulated)
    {
        var text = new StringBuilder(plan.Provider).Append(simulated ? " simulator" : string.Empty).Append('\n').Append(plan.Describe());
        foreach (var clip in plan.Clips)
        {
            text.Append('\n').Append(clip.Request.FirstFrameImage).Append('\n').Append(clip.Request.LastFrameImage);
        }

        return "film-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 6).ToLowerInvariant();
    }
}
