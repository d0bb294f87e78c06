using System.Security.Cryptography;
using System.Text;
using Hailuo.Jobs;

namespace Hailuo.Cli.Films;

/// <summary>
/// The key a film had before shots were keyed by their content (a hash of the whole plan): a ledger from then holds its
/// shots as "{key}/shot-NN", and a rerun of the same plan continues them instead of paying again.
/// </summary>
internal static class FilmKey
{
    /// <summary>The former key of a (final) plan; a simulated film's never matched a paid one's.</summary>
    public static string Former(StoryboardPlan plan, bool simulated)
    {
        var text = new StringBuilder(plan.Provider).Append(simulated ? " simulator" : string.Empty).Append('\n').Append(plan.Describe());
        foreach (var clip in plan.Clips)
        {
            text.Append('\n').Append(clip.Request.FirstFrameImage).Append('\n').Append(clip.Request.LastFrameImage);
        }

        return "film-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 6).ToLowerInvariant();
    }
}
