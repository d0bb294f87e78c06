namespace Hailuo.MockServer.Video;

/// <summary>
/// A Constrained Baseline H.264 stream: one IDR picture per second (new flat colour each time)
/// followed by all-skip P pictures. Pictures are cached because they repeat.
/// </summary>
internal sealed class H264Stream
{
    private readonly byte[]?[] _keyFrames;
    private readonly byte[]?[] _skipFrames;

    public H264Stream(int width, int height, int framesPerSecond)
    {
        Geometry = new FrameGeometry(width, height);
        GopLength = framesPerSecond;
        LevelIdc = H264Level.Select(Geometry, framesPerSecond);
        Sps = H264ParameterSets.CreateSps(Geometry, LevelIdc);
        Pps = H264ParameterSets.CreatePps();

        // idr_pic_id alternates 0/1, so one cache slot per colour and parity.
        _keyFrames = new byte[]?[ColorPalette.Colors.Length * 2];
        _skipFrames = new byte[]?[framesPerSecond];
    }

    public FrameGeometry Geometry { get; }

    public int GopLength { get; }

    public int LevelIdc { get; }

    public byte[] Sps { get; }

    public byte[] Pps { get; }

    public bool IsKeyFrame(int frameIndex) => frameIndex % GopLength == 0;

    /// <summary>The single NAL unit (no start code, no length prefix) of one picture.</summary>
    public byte[] GetFrame(int frameIndex)
    {
        var gop = frameIndex / GopLength;
        var frameNum = frameIndex % GopLength;
        if (frameNum != 0)
        {
            return _skipFrames[frameNum] ??= H264Slices.CreateSkip(Geometry, frameNum);
        }

        var colorIndex = gop % ColorPalette.Colors.Length;
        var idrPicId = gop % 2;
        return _keyFrames[(colorIndex * 2) + idrPicId] ??=
            H264Slices.CreateIdr(Geometry, ColorPalette.Colors[colorIndex], idrPicId);
    }
}
