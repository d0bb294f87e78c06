namespace Hailuo.MockServer.Video;

/// <summary>Calm background colours; the picture changes colour at every keyframe so playback is visible.</summary>
internal static class ColorPalette
{
    public static readonly YuvColor[] Colors =
    [
        YuvColor.FromRgb(38, 70, 83),
        YuvColor.FromRgb(42, 157, 143),
        YuvColor.FromRgb(233, 196, 106),
        YuvColor.FromRgb(244, 162, 97),
        YuvColor.FromRgb(231, 111, 81),
        YuvColor.FromRgb(69, 123, 157),
    ];
}
