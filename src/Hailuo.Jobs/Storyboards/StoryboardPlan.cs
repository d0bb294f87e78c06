using System.Globalization;
using System.Text;
using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>One clip of a plan.</summary>
/// <param name="Number">1-based shot number.</param>
/// <param name="Request">Its request; in chained mode a clip after the first gets its first frame at run time.</param>
/// <param name="Cost">Its cost by the spec's prices.</param>
/// <param name="ChainsFromPrevious">Whether its first frame is the previous clip's last frame.</param>
public sealed record PlannedClip(int Number, VideoGenerationRequest Request, CostEstimate Cost, bool ChainsFromPrevious)
{
    /// <summary>The shot's prompt as written, without the camera brackets the request carries.</summary>
    public string? Prompt { get; init; }

    /// <summary>The shot's camera moves in the spec's words.</summary>
    public IReadOnlyList<string> Camera { get; init; } = [];

    /// <summary>The take the storyboard pins (1 is the first render), or null for the newest.</summary>
    public int? PinnedTake { get; init; }
}

/// <summary>A storyboard checked against the spec and split into clips, with its cost, before anything is submitted.</summary>
/// <param name="Provider">The provider's name.</param>
/// <param name="Mode">Chained or independent.</param>
/// <param name="Clips">The clips in film order.</param>
public sealed record StoryboardPlan(string Provider, StoryboardMode Mode, IReadOnlyList<PlannedClip> Clips)
{
    /// <summary>Whether this is the draft cut: the cheapest resolution and duration the spec allows; its shots are never a final's.</summary>
    public bool Draft { get; init; }

    /// <summary>Seconds of film.</summary>
    public int Seconds => Clips.Sum(c => c.Cost.Seconds);

    /// <summary>Total in US dollars, or null when a clip's price is not published.</summary>
    public decimal? TotalDollars => Clips.All(c => c.Cost.Dollars is not null) ? Clips.Sum(c => c.Cost.Dollars!.Value) : null;

    /// <summary>The total as text, such as "$2.40".</summary>
    public string TotalCost => TotalDollars is { } d ? "$" + d.ToString("0.00", CultureInfo.InvariantCulture) : "unknown (a price is not published)";

    /// <summary>The plan in words, one line per clip, then the total: what a person confirms before submitting.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var clip in Clips)
        {
            var request = clip.Request;
            text.Append(CultureInfo.InvariantCulture, $"shot {clip.Number}: {request.Model} {request.Resolution} {request.Duration} s, {(clip.ChainsFromPrevious ? "image-to-video from shot " + (clip.Number - 1).ToString(CultureInfo.InvariantCulture) + "'s last frame" : request.EffectiveMode().ToWireName())}, {clip.Cost}: {request.Prompt}").Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"{Clips.Count} clips, {Seconds} s, {Mode.ToString().ToLowerInvariant()}, total {TotalCost}");
        return text.ToString();
    }
}
