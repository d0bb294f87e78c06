namespace Hailuo.MockServer.Video;

/// <summary>
/// A 32-bit mark painted into every keyframe of a marked clip (bar the first frame when that shows the given image),
/// so a test can read back which clip a decoded frame belongs to: macroblock row 1 holds a white guard block, 32 bit
/// blocks (white 1, black 0, most significant first) and a black guard block.
/// </summary>
public static class FrameMark
{
    /// <summary>Bits in a mark.</summary>
    public const int Bits = 32;

    /// <summary>Narrowest picture that holds a mark, in pixels.</summary>
    public const int MinWidth = (Bits + 2 + 1) * MacroblockSize;

    private const int MacroblockSize = 16;
    private const byte White = 235;
    private const byte Black = 16;

    /// <summary>The mark of a task id (FNV-1a of its characters).</summary>
    public static uint Of(string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        var hash = 2166136261u;
        foreach (var c in taskId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    /// <summary>Reads the mark from a decoded 8-bit luma (gray) picture, or null when it holds none.</summary>
    /// <param name="gray">width × height luma samples, row by row.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static uint? Read(ReadOnlySpan<byte> gray, int width, int height)
    {
        if (width < MinWidth || height < 3 * MacroblockSize || gray.Length < width * height)
        {
            return null;
        }

        if (Bit(gray, width, 1) != true || Bit(gray, width, Bits + 2) != false)
        {
            return null;
        }

        var mark = 0u;
        for (var i = 0; i < Bits; i++)
        {
            if (Bit(gray, width, 2 + i) is not { } bit)
            {
                return null;
            }

            mark = (mark << 1) | (bit ? 1u : 0u);
        }

        return mark;
    }

    private static bool? Bit(ReadOnlySpan<byte> gray, int width, int column)
    {
        var sample = gray[((MacroblockSize + (MacroblockSize / 2)) * width) + (column * MacroblockSize) + (MacroblockSize / 2)];
        return sample >= 200 ? true : sample <= 50 ? false : null;
    }

    internal static bool Fits(FrameGeometry geometry) => geometry.Width >= MinWidth && geometry.Height >= 3 * MacroblockSize;

    internal static void Paint(LumaGrid grid, uint mark)
    {
        grid[1, 1] = White;
        for (var i = 0; i < Bits; i++)
        {
            grid[2 + i, 1] = ((mark >> (Bits - 1 - i)) & 1) == 1 ? White : Black;
        }

        grid[Bits + 2, 1] = Black;
    }
}
