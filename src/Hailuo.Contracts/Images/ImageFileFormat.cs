namespace Hailuo.Contracts;

/// <summary>The image formats an input image may use, as the spec's image rules name them.</summary>
public enum ImageFileFormat
{
    /// <summary>JPEG ("jpeg" in the spec).</summary>
    Jpeg,

    /// <summary>PNG ("png" in the spec).</summary>
    Png,

    /// <summary>WebP, lossy (VP8), lossless (VP8L) or extended (VP8X) ("webp" in the spec).</summary>
    WebP,
}

/// <summary>The spec's words for the image formats.</summary>
public static class ImageFileFormatNames
{
    /// <summary>The format as the spec writes it, such as "jpeg".</summary>
    public static string ToSpecName(this ImageFileFormat format) => format switch
    {
        ImageFileFormat.Jpeg => "jpeg",
        ImageFileFormat.Png => "png",
        ImageFileFormat.WebP => "webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format."),
    };
}
