namespace Hailuo.MockServer.Video;

/// <summary>Picks the lowest H.264 level (Table A-1) whose frame-size and macroblock-rate limits fit.</summary>
internal static class H264Level
{
    // level_idc, MaxFS (macroblocks), MaxMBPS (macroblocks per second).
    private static readonly (int LevelIdc, int MaxFrameSize, int MaxMbPerSecond)[] Levels =
    [
        (10, 99, 1_485),
        (11, 396, 3_000),
        (12, 396, 6_000),
        (13, 396, 11_880),
        (20, 396, 11_880),
        (21, 792, 19_800),
        (22, 1_620, 20_250),
        (30, 1_620, 40_500),
        (31, 3_600, 108_000),
        (32, 5_120, 216_000),
        (40, 8_192, 245_760),
        (42, 8_704, 522_240),
        (50, 22_080, 589_824),
        (51, 36_864, 983_040),
        (52, 36_864, 2_073_600),
        (60, 139_264, 4_177_920),
        (61, 139_264, 8_355_840),
        (62, 139_264, 16_711_680),
    ];

    /// <summary>Largest frame, in macroblocks, that any level allows.</summary>
    public static int MaxFrameSize => Levels[^1].MaxFrameSize;

    public static int Select(FrameGeometry geometry, int framesPerSecond)
    {
        var frameSize = geometry.MbCount;
        var mbRate = (long)frameSize * framesPerSecond;
        foreach (var (levelIdc, maxFrameSize, maxMbPerSecond) in Levels)
        {
            // Each side is also capped at sqrt(8 * MaxFS) macroblocks.
            var maxSide = Math.Sqrt(8.0 * maxFrameSize);
            if (frameSize <= maxFrameSize && mbRate <= maxMbPerSecond
                && geometry.WidthInMbs <= maxSide && geometry.HeightInMbs <= maxSide)
            {
                return levelIdc;
            }
        }

        return Levels[^1].LevelIdc;
    }
}
