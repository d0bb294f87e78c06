using System.Collections.Concurrent;
using Hailuo.MockServer.Video;

namespace Hailuo.MockServer.Simulation;

/// <summary>
/// The MP4 of each task, made once in process and kept: marked with the task id (see <see cref="FrameMark"/>), and
/// opening on its first-frame image when that is a PNG data URL, so continuity between clips can be checked.
/// </summary>
internal sealed class VideoFiles
{
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _files = new(StringComparer.Ordinal);

    public byte[] For(TaskRecord task) =>
        _files.GetOrAdd(task.Id, _ => new Lazy<byte[]>(() => Mp4Video.Create(task.Width, task.Height, task.Duration, new VideoMarking(FrameMark.Of(task.Id), ImageBytes(task.FirstFrameImage))))).Value;

    public void Clear() => _files.Clear();

    private static byte[]? ImageBytes(string? image)
    {
        // Only data URLs are shown: the simulator fetches nothing from the network.
        const string Base64 = ";base64,";
        var at = image is not null && image.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? image.IndexOf(Base64, StringComparison.OrdinalIgnoreCase) : -1;
        if (at < 0)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(image![(at + Base64.Length)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
