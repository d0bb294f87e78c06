using System.Diagnostics;
using System.Text.Json;

namespace Hailuo.Testing;

/// <summary>What ffprobe says of a video file: the independent check that our MP4s are real.</summary>
public static class Ffprobe
{
    /// <summary>Width, height and duration of the first stream, as ffprobe reports them.</summary>
    public static async Task<(int Width, int Height, double Duration)> ProbeAsync(string path)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-v", "error", "-show_entries", "stream=width,height:format=duration", "-of", "json", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffprobe did not start; .ci/run installs ffmpeg.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffprobe failed on {path}: {error}");
        }

        using var json = JsonDocument.Parse(output);
        var stream = json.RootElement.GetProperty("streams")[0];
        var duration = double.Parse(json.RootElement.GetProperty("format").GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return (stream.GetProperty("width").GetInt32(), stream.GetProperty("height").GetInt32(), duration);
    }
}
