namespace Hailuo.MockServer.Video;

/// <summary>
/// Creates small, real, playable MP4 files (H.264 Constrained Baseline video, no audio) entirely in process.
/// </summary>
public static class Mp4Video
{
    /// <summary>Frame rate of every generated video.</summary>
    public const int FramesPerSecond = 24;

    /// <summary>Longest video accepted, in seconds.</summary>
    public const int MaxDurationSeconds = 3600;

    /// <summary>Largest width or height accepted, in pixels.</summary>
    public const int MaxDimension = 8192;

    /// <summary>MIME type of the generated files.</summary>
    public const string ContentType = "video/mp4";

    /// <summary>Returns an MP4 of the given size that lasts exactly <paramref name="durationSeconds"/>.</summary>
    /// <param name="width">Even width in pixels, 2 to <see cref="MaxDimension"/>.</param>
    /// <param name="height">Even height in pixels, 2 to <see cref="MaxDimension"/>.</param>
    /// <param name="durationSeconds">Length in whole seconds, 1 to <see cref="MaxDurationSeconds"/>.</param>
    public static byte[] Create(int width, int height, int durationSeconds) => Create(width, height, durationSeconds, null);

    /// <summary>Returns a marked MP4: every keyframe carries the mark, the first shows the first-frame image when given.</summary>
    /// <param name="width">Even width in pixels, 2 to <see cref="MaxDimension"/>; at least <see cref="FrameMark.MinWidth"/> for the mark.</param>
    /// <param name="height">Even height in pixels, 2 to <see cref="MaxDimension"/>.</param>
    /// <param name="durationSeconds">Length in whole seconds, 1 to <see cref="MaxDurationSeconds"/>.</param>
    /// <param name="marking">The mark and first-frame image, or null for the plain coloured video.</param>
    public static byte[] Create(int width, int height, int durationSeconds, VideoMarking? marking)
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer, width, height, durationSeconds, marking);
        return buffer.ToArray();
    }

    /// <summary>Writes an MP4 of the given size and duration to <paramref name="stream"/>.</summary>
    /// <param name="stream">Destination; it is written sequentially and not seeked.</param>
    /// <param name="width">Even width in pixels, 2 to <see cref="MaxDimension"/>.</param>
    /// <param name="height">Even height in pixels, 2 to <see cref="MaxDimension"/>.</param>
    /// <param name="durationSeconds">Length in whole seconds, 1 to <see cref="MaxDurationSeconds"/>.</param>
    public static void WriteTo(Stream stream, int width, int height, int durationSeconds) => WriteTo(stream, width, height, durationSeconds, null);

    /// <summary>Writes a marked MP4 (see <see cref="Create(int, int, int, VideoMarking?)"/>) to <paramref name="stream"/>.</summary>
    /// <param name="stream">Destination; it is written sequentially and not seeked.</param>
    /// <param name="width">Even width in pixels.</param>
    /// <param name="height">Even height in pixels.</param>
    /// <param name="durationSeconds">Length in whole seconds.</param>
    /// <param name="marking">The mark and first-frame image, or null for the plain coloured video.</param>
    public static void WriteTo(Stream stream, int width, int height, int durationSeconds, VideoMarking? marking)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ValidateDimension(width, nameof(width));
        ValidateDimension(height, nameof(height));
        ArgumentOutOfRangeException.ThrowIfLessThan(durationSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(durationSeconds, MaxDurationSeconds);

        if (new FrameGeometry(width, height).MbCount > H264Level.MaxFrameSize)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "The picture is larger than H.264 allows.");
        }

        var video = new H264Stream(width, height, FramesPerSecond, marking);
        Mp4Writer.Write(stream, video, durationSeconds * FramesPerSecond, FramesPerSecond);
    }

    private static void ValidateDimension(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 2, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxDimension, name);
        if (value % 2 != 0)
        {
            // 4:2:0 chroma and the SPS crop both work in pairs of pixels.
            throw new ArgumentOutOfRangeException(name, value, "Width and height must be even.");
        }
    }
}
