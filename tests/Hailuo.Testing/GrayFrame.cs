namespace Hailuo.Testing;

/// <summary>One decoded picture of a video as 8-bit luma, by ffmpeg: what a test reads marks and mosaics from.</summary>
public static class GrayFrame
{
    /// <summary>The picture shown at <paramref name="seconds"/> (0 is the first frame), width × height luma samples; the seek is exact (ffmpeg decodes from the keyframe before).</summary>
    public static async Task<byte[]> ReadAsync(string video, double seconds)
    {
        var output = Path.Combine(Path.GetTempPath(), "hailuo-gray-" + Guid.NewGuid().ToString("N") + ".gray");
        try
        {
            await ProcessRunner.ReadAsync("ffmpeg", "-v", "error", "-ss", seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), "-i", video, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-y", output);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
