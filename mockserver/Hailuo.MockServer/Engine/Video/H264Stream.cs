namespace Hailuo.MockServer.Video;

/// <summary>
/// A Constrained Baseline H.264 stream: one IDR picture per second (new flat colour each time, or, when marked, the
/// mark on a gray of that colour's luma) followed by all-skip P pictures. Pictures are cached because they repeat.
/// </summary>
internal sealed class H264Stream
{
    private readonly byte[]?[] _keyFrames;
    private readonly byte[]?[] _skipFrames;
    private readonly VideoMarking? _marking;
    private readonly LumaGrid? _mosaic;

    public H264Stream(int width, int height, int framesPerSecond, VideoMarking? marking = null)
    {
        Geometry = new FrameGeometry(width, height);
        GopLength = framesPerSecond;
        LevelIdc = H264Level.Select(Geometry, framesPerSecond);
        Sps = H264ParameterSets.CreateSps(Geometry, LevelIdc);
        Pps = H264ParameterSets.CreatePps();

        // idr_pic_id alternates 0/1, so one cache slot per colour and parity.
        _keyFrames = new byte[]?[ColorPalette.Colors.Length * 2];
        _skipFrames = new byte[]?[framesPerSecond];
        _marking = marking is not null && FrameMark.Fits(Geometry) ? marking : null;
        _mosaic = _marking?.FirstFrameLuma ?? (_marking?.FirstFrameImage is { } image ? FirstFrameMosaic.From(image, Geometry) : null);
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
        if (gop == 0 && _mosaic is not null)
        {
            return H264Slices.CreatePainted(Geometry, _mosaic, idrPicId);
        }

        return _keyFrames[(colorIndex * 2) + idrPicId] ??= _marking is null
            ? H264Slices.CreateIdr(Geometry, ColorPalette.Colors[colorIndex], idrPicId)
            : H264Slices.CreatePainted(Geometry, MarkedGrid(ColorPalette.Colors[colorIndex], _marking.Mark), idrPicId);
    }

    private LumaGrid MarkedGrid(YuvColor background, uint mark)
    {
        var grid = new LumaGrid(Geometry.WidthInMbs, Geometry.HeightInMbs, (byte)background.Y);
        FrameMark.Paint(grid, mark);
        return grid;
    }
}
