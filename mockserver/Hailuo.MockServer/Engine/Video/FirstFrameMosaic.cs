namespace Hailuo.MockServer.Video;

/// <summary>The given first-frame image as the encoder can show it: its luma averaged over each macroblock of the video.</summary>
internal static class FirstFrameMosaic
{
    /// <summary>The mosaic, or null when the image is not a PNG this simulator decodes.</summary>
    public static LumaGrid? From(byte[] image, FrameGeometry geometry) => PngLuma.Mosaic(image, geometry);
}
