using System.Globalization;
using System.Text.Json;

namespace Hailuo.Testing;

/// <summary>What ffprobe says of a video file: the independent check that our MP4s are real.</summary>
public static class Ffprobe
{
    /// <summary>Codec, width and height of the first stream and the file's duration, as ffprobe reports them.</summary>
    public static async Task<(string Codec, int Width, int Height, double Duration)> ProbeAsync(string path)
    {
        var output = await ProcessRunner.ReadAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width,height:format=duration", "-of", "json", path);
        using var json = JsonDocument.Parse(output);
        var stream = json.RootElement.GetProperty("streams")[0];
        var duration = double.Parse(json.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        return (stream.GetProperty("codec_name").GetString()!, stream.GetProperty("width").GetInt32(), stream.GetProperty("height").GetInt32(), duration);
    }
}
