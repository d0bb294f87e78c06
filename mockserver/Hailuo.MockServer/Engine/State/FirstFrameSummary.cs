using Hailuo.MockServer.Video;

namespace Hailuo.MockServer.Simulation;

/// <summary>What a task keeps of its first-frame image: never the data URL, only what the video and the journal need.</summary>
/// <param name="Sha256">The image file's SHA-256, lower-case hex.</param>
/// <param name="Bytes">The image file's size.</param>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="Luma">Its luma averaged over the video's macroblocks (PNGs this simulator decodes), shown by the first picture.</param>
internal sealed record FirstFrameSummary(string Sha256, int Bytes, int Width, int Height, LumaGrid? Luma);
