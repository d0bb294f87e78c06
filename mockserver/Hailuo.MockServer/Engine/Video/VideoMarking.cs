namespace Hailuo.MockServer.Video;

/// <summary>What makes a clip checkable: its mark, and the first-frame image its first picture shows.</summary>
/// <param name="Mark">Painted into every keyframe (see <see cref="FrameMark"/>).</param>
/// <param name="FirstFrameImage">A PNG shown as a macroblock mosaic in the first picture; other formats are not shown.</param>
public sealed record VideoMarking(uint Mark, byte[]? FirstFrameImage = null)
{
    /// <summary>The first frame already reduced to the video's macroblocks (a task keeps this, not the image).</summary>
    internal LumaGrid? FirstFrameLuma { get; init; }
}
