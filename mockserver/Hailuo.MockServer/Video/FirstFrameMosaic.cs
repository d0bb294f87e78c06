namespace Hailuo.MockServer.Video;

/// <summary>The given first-frame image as the encoder can show it: its luma averaged over each macroblock of the video.</summary>
internal static class FirstFrameMosaic
{
    /// <summary>The mosaic, or null when the image is not a PNG this simulator decodes.</summary>
    public static LumaGrid? From(byte[] image, FrameGeometry geometry)
    {
        if (PngLuma.Decode(image) is not var (width, height, luma))
        {
            return null;
        }

        var sums = new long[geometry.MbCount];
        var counts = new int[geometry.MbCount];
        for (var y = 0; y < height; y++)
        {
            var my = Math.Min((int)((long)y * geometry.Height / height) / 16, geometry.HeightInMbs - 1);
            for (var x = 0; x < width; x++)
            {
                var mx = Math.Min((int)((long)x * geometry.Width / width) / 16, geometry.WidthInMbs - 1);
                var mb = (my * geometry.WidthInMbs) + mx;
                sums[mb] += luma[(y * width) + x];
                counts[mb]++;
            }
        }

        var grid = new LumaGrid(geometry.WidthInMbs, geometry.HeightInMbs, 128);
        for (var mb = 0; mb < sums.Length; mb++)
        {
            if (counts[mb] > 0)
            {
                grid[mb % geometry.WidthInMbs, mb / geometry.WidthInMbs] = (byte)((sums[mb] + (counts[mb] / 2)) / counts[mb]);
            }
        }

        return grid;
    }
}
