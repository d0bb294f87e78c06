using Hailuo.Jobs.Tests.Support;
using Hailuo.MockServer.Video;
using Hailuo.Testing;

namespace Hailuo.Jobs.Tests;

/// <summary>The contact sheet, decoded: each thumbnail is the frame it claims (by the simulator's marks), each row marked reused or rendered.</summary>
public sealed class ContactSheetTests
{
    private static readonly ModelInfo Model = HailuoSpec.ApiMart.Models[0];

    [Fact]
    public async Task Each_row_holds_its_shots_first_middle_and_last_frame_and_marks_the_shots_rendered_after_an_edit_and_the_one_reused()
    {
        await using var world = JobWorld.Start();
        var board = new Storyboard { Model = Model.Id, Resolution = "768p", Duration = 5, Mode = StoryboardMode.Chained };
        foreach (var prompt in new[] { "A desert road", "A car far away", "The car passes" })
        {
            board.Shots.Add(new Shot { Prompt = prompt, Camera = ["Pan left"] });
        }

        var films = new StoryboardRunner(world.StartProcess().Runner, new VideoTools());
        await world.Time.RunAsync(films.RunAsync(StoryboardPlanner.Plan(board, HailuoSpec.ApiMart), Path.Combine(world.Folder, "film.mp4")));
        board.Shots[1].Prompt = "A truck far away";
        var jobs = await films.PrepareAsync(StoryboardPlanner.Plan(board, HailuoSpec.ApiMart));
        var result = await world.Time.RunAsync(films.RunAsync(jobs, Path.Combine(world.Folder, "film.mp4")));

        var sheet = await new ContactSheet(new VideoTools()).WriteAsync(jobs, result, Path.Combine(world.Folder, "film.mp4.contact.png"));

        Assert.Equal(5, world.Simulator.Admin.Tasks.Count);
        var gray = await GrayFrame.ReadAsync(sheet.Path, 0);
        var rgb = await RgbAsync(sheet.Path);
        Assert.Equal(sheet.Width * sheet.Height, gray.Length);
        Assert.Equal([ShotWork.Reuse, ShotWork.Render, ShotWork.Render], sheet.Rows.Select(r => r.Work));
        for (var row = 0; row < 3; row++)
        {
            var mark = FrameMark.Of(result.Clips[row].TaskId!);
            Assert.Equal(3, sheet.Rows[row].Frames.Count);
            Assert.All(sheet.Rows[row].Frames, f => Assert.True(f.Box.Width >= 240));

            // A chained shot's first frame is the last frame of the shot before it, which carries that shot's mark.
            var first = row == 0 ? mark : FrameMark.Of(result.Clips[row - 1].TaskId!);
            Assert.Equal(new uint?[] { first, mark, mark }, sheet.Rows[row].Frames.Select(f => MarkIn(gray, sheet.Width, f.Box)));
            var marker = sheet.Rows[row].Marker;
            var expected = sheet.Rows[row].Work == ShotWork.Render ? ContactSheet.RenderedColor : ContactSheet.ReusedColor;
            Assert.InRange(Distance(Pixel(rgb, sheet.Width, marker.X + (marker.Width / 2), marker.Y + (marker.Height / 2)), expected), 0, 24);
        }

        Assert.Equal("A truck far away", sheet.Rows[1].Text[1]);
        Assert.Contains("Shot 2  ·  rendered", sheet.Rows[1].Text[0], StringComparison.Ordinal);
        Assert.Equal("Camera: Pan left", sheet.Rows[0].Text[2]);
        Assert.Equal("5 s  ·  768p  ·  $0.20", sheet.Rows[2].Text[3]);
        Assert.Contains("Shot 1  ·  reused", sheet.Rows[0].Text[0], StringComparison.Ordinal);

        // Real text: the text column beside the marker holds light glyph pixels, not just the background.
        var text = sheet.Rows[0].Marker;
        var lit = Enumerable.Range(text.Y, text.Height).Sum(y => Enumerable.Range(text.X + text.Width + 8, 400).Count(x => gray[(y * sheet.Width) + x] > 160));
        Assert.True(lit > 200, $"{lit} light pixels in the text of row 1");
    }

    // Reads a 1366x768 clip's mark from its thumbnail by sampling the thumbnail where each block of the picture landed.
    private static uint? MarkIn(byte[] sheet, int sheetWidth, SheetBox box)
    {
        var picture = new byte[1366 * 768];
        for (var y = 0; y < 768; y++)
        {
            for (var x = 0; x < 1366; x++)
            {
                var tx = box.X + (x * box.Width / 1366);
                var ty = box.Y + (y * box.Height / 768);
                picture[(y * 1366) + x] = sheet[(ty * sheetWidth) + tx];
            }
        }

        return FrameMark.Read(picture, 1366, 768);
    }

    private static int Pixel(byte[] rgb, int width, int x, int y)
    {
        var i = ((y * width) + x) * 3;
        return (rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2];
    }

    private static int Distance(int a, int b) =>
        new[] { 16, 8, 0 }.Max(shift => Math.Abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));

    private static async Task<byte[]> RgbAsync(string png)
    {
        var output = Path.Combine(Path.GetTempPath(), "hailuo-rgb-" + Guid.NewGuid().ToString("N") + ".rgb");
        try
        {
            await ProcessRunner.ReadAsync("ffmpeg", "-v", "error", "-i", png, "-f", "rawvideo", "-pix_fmt", "rgb24", "-y", output);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
