namespace Hailuo.MockServer.Video;

/// <summary>Picture size in pixels and in 16x16 macroblocks, with the crop that hides the padding.</summary>
internal readonly record struct FrameGeometry(int Width, int Height)
{
    public int WidthInMbs => (Width + 15) / 16;

    public int HeightInMbs => (Height + 15) / 16;

    public int MbCount => WidthInMbs * HeightInMbs;

    // 4:2:0 crop offsets count pairs of pixels, hence the division by two.
    public int CropRight => ((WidthInMbs * 16) - Width) / 2;

    public int CropBottom => ((HeightInMbs * 16) - Height) / 2;

    public bool NeedsCrop => CropRight != 0 || CropBottom != 0;
}
