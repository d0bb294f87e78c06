using Hailuo.Contracts;

namespace Hailuo.Cli.Output;

/// <summary>
/// The expected size of a video, from the spec's width and height for its resolution and its duration: 6 bits a pixel
/// each second (25 frames at about 0.24 bit a pixel), a rate H.264 seldom exceeds, so an upper estimate.
/// </summary>
internal static class VideoSize
{
    private const long BitsPerPixelSecond = 6;

    public static long Estimate(string resolution, int seconds)
    {
        // An unknown resolution was refused by the validator already; the largest one keeps the estimate on the safe side.
        var info = HailuoSpec.Resolutions.FirstOrDefault(r => string.Equals(r.Name, resolution, StringComparison.OrdinalIgnoreCase))
            ?? HailuoSpec.Resolutions.MaxBy(r => (long)r.Width * r.Height)!;
        return (long)info.Width * info.Height * Math.Max(seconds, 1) * BitsPerPixelSecond / 8;
    }

    /// <summary>"31.1 MB", "512 KB".</summary>
    public static string Text(long bytes) => bytes >= 1_000_000
        ? (bytes / 1_000_000.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : ((bytes + 999) / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + " KB";
}
