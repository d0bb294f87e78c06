namespace Hailuo.MockServer.Video;

/// <summary>A BT.709 limited-range Y'CbCr colour.</summary>
internal readonly record struct YuvColor(int Y, int Cb, int Cr)
{
    /// <summary>Converts 8-bit sRGB-style components with the usual BT.709 integer matrix.</summary>
    public static YuvColor FromRgb(int r, int g, int b) => new(
        Luma(r, g, b),
        (((-26 * r) - (87 * g) + (112 * b) + 128) >> 8) + 128,
        (((112 * r) - (102 * g) - (10 * b) + 128) >> 8) + 128);

    /// <summary>The Y of <see cref="FromRgb"/> alone, for decoding images pixel by pixel.</summary>
    public static int Luma(int r, int g, int b) => (((47 * r) + (157 * g) + (16 * b) + 128) >> 8) + 16;
}
