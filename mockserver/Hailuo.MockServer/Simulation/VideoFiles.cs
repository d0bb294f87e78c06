using System.Collections.Concurrent;
using Hailuo.MockServer.Video;

namespace Hailuo.MockServer.Simulation;

/// <summary>The MP4 of each (width, height, duration), made once in process and kept: at most a few dozen distinct files.</summary>
internal sealed class VideoFiles
{
    private readonly ConcurrentDictionary<(int Width, int Height, int Seconds), Lazy<byte[]>> _files = new();

    public byte[] For(TaskRecord task) =>
        _files.GetOrAdd((task.Width, task.Height, task.Duration), key => new Lazy<byte[]>(() => Mp4Video.Create(key.Width, key.Height, key.Seconds))).Value;
}
