using System.Globalization;
using Hailuo.Contracts;

namespace Hailuo.Cli.Films;

/// <summary>
/// How `generate --stitch` splits a duration into chained clips: the longest clip the model allows at the resolution,
/// in every mode the chain uses, that divides the duration (the spec's matrix decides; 30 s at 1080p is 6 × 5 s).
/// </summary>
internal static class StitchPlan
{
    /// <summary>The clip length, or a problem naming the value and what is allowed; neither when the model or resolution is unknown (the validator names those).</summary>
    public static (int? ClipSeconds, string? Problem) ClipSeconds(ProviderInfo provider, string? modelId, string? resolution, int seconds, bool firstFrame, bool lastFrame)
    {
        var allowed = Allowed(provider, modelId, resolution ?? provider.Defaults.Resolution, firstFrame, lastFrame);
        if (allowed.Count == 0)
        {
            return (null, null);
        }

        var fits = allowed.Where(d => seconds > 0 && seconds % d == 0).ToList();
        return fits.Count > 0
            ? (fits.Max(), null)
            : (null, string.Create(CultureInfo.InvariantCulture, $"--duration {seconds} cannot be stitched from {modelId ?? provider.Models[0].Id} clips at {resolution ?? provider.Defaults.Resolution}: with --stitch it must be a multiple of {Seconds(allowed)} s."));
    }

    /// <summary>What to add to the refusal of a duration the model does not allow in one clip: how --stitch would make it.</summary>
    public static string Hint(ProviderInfo provider, string? modelId, string? resolution, int seconds, bool firstFrame, bool lastFrame)
    {
        var (clip, _) = ClipSeconds(provider, modelId, resolution, seconds, firstFrame, lastFrame);
        var allowed = Allowed(provider, modelId, resolution ?? provider.Defaults.Resolution, firstFrame, lastFrame);
        return clip is { } length
            ? string.Create(CultureInfo.InvariantCulture, $"or add --stitch to chain {length}-second clips into one {seconds}-second video.")
            : $"or add --stitch with a --duration that is a multiple of {Seconds(allowed)} s to chain clips into one video.";
    }

    // Durations allowed at the resolution by the first shot's mode and by the image-to-video shots chained after it.
    private static List<int> Allowed(ProviderInfo provider, string? modelId, string resolution, bool firstFrame, bool lastFrame)
    {
        var model = provider.FindModel(modelId ?? provider.Models[0].Id);
        var modes = new[] { firstFrame ? VideoMode.ImageToVideo : VideoMode.TextToVideo, VideoMode.ImageToVideo, lastFrame ? VideoMode.FirstAndLastFrame : VideoMode.ImageToVideo };
        var rows = modes.Distinct().Select(m => model?.FindMode(m)?.FindResolution(resolution)).ToList();
        return rows.Any(r => r is null) ? [] : rows.Select(r => (IEnumerable<int>)r!.Durations).Aggregate((a, b) => a.Intersect(b)).Order().ToList();
    }

    private static string Seconds(IReadOnlyList<int> durations) => string.Join(" or ", durations.Select(d => d.ToString(CultureInfo.InvariantCulture)));
}
