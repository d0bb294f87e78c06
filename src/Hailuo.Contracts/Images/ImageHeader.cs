using System.Globalization;

namespace Hailuo.Contracts;

/// <summary>What an image file's header says: its format and its size in pixels.</summary>
/// <param name="Format">The file format.</param>
/// <param name="Width">Width in pixels as stored (EXIF orientation is not applied).</param>
/// <param name="Height">Height in pixels as stored.</param>
public readonly record struct ImageHeader(ImageFileFormat Format, int Width, int Height)
{
    /// <summary>The shorter of width and height.</summary>
    public int ShortEdge => Math.Min(Width, Height);

    /// <inheritdoc/>
    public override string ToString() =>
        Format.ToSpecName() + " " + Width.ToString(CultureInfo.InvariantCulture) + "x" + Height.ToString(CultureInfo.InvariantCulture);
}
