using System.Collections.Concurrent;
using Hailuo.MockServer.Video;

namespace Hailuo.MockServer.Simulation;

/// <summary>
/// The MP4 of each task, made once in process and kept: marked with the task id (see <see cref="FrameMark"/>), and
/// opening on its first-frame image (as the task kept it) when that was a PNG data URL, so continuity between clips can be checked.
/// </summary>
internal sealed class VideoFiles
{
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _files = new(StringComparer.Ordinal);

    public byte[] For(TaskRecord task) =>
        _files.GetOrAdd(task.Id, _ => new Lazy<byte[]>(() => Mp4Video.Create(task.Width, task.Height, task.Duration, new VideoMarking(FrameMark.Of(task.Id)) { FirstFrameLuma = task.FirstFrame?.Luma }))).Value;

    public void Clear() => _files.Clear();
}
