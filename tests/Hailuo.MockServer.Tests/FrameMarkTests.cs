using Hailuo.MockServer.Video;
using Hailuo.Testing;

namespace Hailuo.MockServer.Tests;

/// <summary>Continuity is checkable: clips carry a mark readable after decoding, and a first frame shows the given image.</summary>
public sealed class FrameMarkTests
{
    [Fact]
    public async Task Every_keyframe_of_a_marked_clip_decodes_to_its_mark()
    {
        var mark = FrameMark.Of("task_01K8SGYNNNVBQTXNR4MM964S7K");
        var path = await WriteAsync(Mp4Video.Create(1280, 720, 3, new VideoMarking(mark)));

        foreach (var second in new[] { 0.0, 1.5, 2.9 })
        {
            Assert.Equal(mark, FrameMark.Read(await GrayFrame.ReadAsync(path, second), 1280, 720));
        }

        File.Delete(path);
    }

    [Fact]
    public async Task A_plain_clip_holds_no_mark()
    {
        var path = await WriteAsync(Mp4Video.Create(1280, 720, 1));

        Assert.Null(FrameMark.Read(await GrayFrame.ReadAsync(path, 0), 1280, 720));

        File.Delete(path);
    }

    [Fact]
    public async Task The_first_frame_shows_the_first_frame_image_as_a_macroblock_mosaic_and_later_frames_the_mark()
    {
        var folder = Directory.CreateTempSubdirectory("hailuo-mosaic-").FullName;
        var png = Path.Combine(folder, "first.png");
        await ProcessRunner.ReadAsync("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=640x360", "-frames:v", "1", "-y", png);
        var image = await File.ReadAllBytesAsync(png);
        var mark = FrameMark.Of("shot-2");
        var clip = Path.Combine(folder, "clip.mp4");
        await File.WriteAllBytesAsync(clip, Mp4Video.Create(640, 360, 2, new VideoMarking(mark, image)));

        var first = await GrayFrame.ReadAsync(clip, 0);
        var rgb = Path.Combine(folder, "first.rgb");
        await ProcessRunner.ReadAsync("ffmpeg", "-v", "error", "-i", png, "-f", "rawvideo", "-pix_fmt", "rgb24", "-y", rgb);
        var expected = (await File.ReadAllBytesAsync(rgb)).Chunk(3).Select(p => (0.2126 * p[0]) + (0.7152 * p[1]) + (0.0722 * p[2])).ToArray();

        // Each macroblock of the first frame is the mean BT.709 luma of the image over that block (ffmpeg's gray is full range).
        var worst = 0.0;
        for (var my = 0; my < 360 / 16; my++)
        {
            for (var mx = 0; mx < 640 / 16; mx++)
            {
                worst = Math.Max(worst, Math.Abs(first[((my * 16) + 8) * 640 + (mx * 16) + 8] - Mean(expected, 640, mx, my)));
            }
        }

        Assert.InRange(worst, 0, 4);
        Assert.Null(FrameMark.Read(first, 640, 360));
        Assert.Equal(mark, FrameMark.Read(await GrayFrame.ReadAsync(clip, 1.5), 640, 360));
        Directory.Delete(folder, true);
    }

    private static double Mean(double[] luma, int width, int mx, int my)
    {
        var sum = 0.0;
        for (var y = 0; y < 16; y++)
        {
            for (var x = 0; x < 16; x++)
            {
                sum += luma[((my * 16) + y) * width + (mx * 16) + x];
            }
        }

        return sum / 256.0;
    }

    private static async Task<string> WriteAsync(byte[] mp4)
    {
        var path = Path.Combine(Path.GetTempPath(), "hailuo-mark-" + Guid.NewGuid().ToString("N") + ".mp4");
        await File.WriteAllBytesAsync(path, mp4);
        return path;
    }
}
