namespace Hailuo.Contracts;

/// <summary>Rules every input image (first frame, last frame, subject) must follow.</summary>
public sealed class ImageLimits
{
    /// <summary>Creates the rules; the generated catalog calls this.</summary>
    public ImageLimits(IReadOnlyList<string> formats, long maxBytes, int minShortEdgeExclusive, AspectRatio minAspectRatio, AspectRatio maxAspectRatio, bool boundsInclusive)
    {
        Formats = formats;
        MaxBytes = maxBytes;
        MinShortEdgeExclusive = minShortEdgeExclusive;
        MinAspectRatio = minAspectRatio;
        MaxAspectRatio = maxAspectRatio;
        BoundsInclusive = boundsInclusive;
    }

    /// <summary>Allowed formats: "jpeg", "png", "webp".</summary>
    public IReadOnlyList<string> Formats { get; }

    /// <summary>Files must be smaller than this many bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>The shorter edge must be longer than this many pixels.</summary>
    public int MinShortEdgeExclusive { get; }

    /// <summary>The narrowest allowed width:height.</summary>
    public AspectRatio MinAspectRatio { get; }

    /// <summary>The widest allowed width:height.</summary>
    public AspectRatio MaxAspectRatio { get; }

    /// <summary>Whether an image exactly at a bound is allowed.</summary>
    public bool BoundsInclusive { get; }
}

/// <summary>A width:height ratio such as 2:5.</summary>
/// <param name="Width">The width part.</param>
/// <param name="Height">The height part.</param>
public readonly record struct AspectRatio(int Width, int Height)
{
    /// <inheritdoc/>
    public override string ToString() => Width.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Height.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
