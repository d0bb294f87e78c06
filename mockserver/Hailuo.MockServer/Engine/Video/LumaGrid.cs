namespace Hailuo.MockServer.Video;

/// <summary>One luma value per 16x16 macroblock: a picture at macroblock resolution.</summary>
internal sealed class LumaGrid
{
    private readonly byte[] _values;

    public LumaGrid(int widthInMbs, int heightInMbs, byte fill)
    {
        WidthInMbs = widthInMbs;
        HeightInMbs = heightInMbs;
        _values = new byte[widthInMbs * heightInMbs];
        Array.Fill(_values, fill);
    }

    public int WidthInMbs { get; }

    public int HeightInMbs { get; }

    public byte this[int x, int y]
    {
        get => _values[(y * WidthInMbs) + x];
        set => _values[(y * WidthInMbs) + x] = value;
    }
}
