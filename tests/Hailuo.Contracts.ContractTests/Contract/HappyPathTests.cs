using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>Submit, wait and download for every mode the spec offers, on both dialects, against the simulator.</summary>
public sealed class HappyPathTests
{
    public static TheoryData<WireDialect, VideoMode> EveryMode => new()
    {
        { WireDialect.ApiMart, VideoMode.TextToVideo },
        { WireDialect.ApiMart, VideoMode.ImageToVideo },
        { WireDialect.ApiMart, VideoMode.FirstAndLastFrame },
        { WireDialect.ApiMart, VideoMode.SubjectReference },
        { WireDialect.MiniMax, VideoMode.TextToVideo },
        { WireDialect.MiniMax, VideoMode.ImageToVideo },
        { WireDialect.MiniMax, VideoMode.FirstAndLastFrame },
    };

    [Theory]
    [MemberData(nameof(EveryMode))]
    public async Task Every_mode_is_submitted_waited_for_and_downloaded(WireDialect dialect, VideoMode mode)
    {
        await using var world = await SimWorld.StartAsync(dialect);
        var request = Samples.ForMode(dialect, mode);

        var done = await world.SubmitAndWait(request);
        using var video = new MemoryStream();
        var download = await world.Run(c => c.DownloadAsync(done, video));

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.NotNull(done.VideoUrl);
        var task = Assert.Single(world.Admin.Tasks);
        Assert.Equal(task.Id, done.Id);
        Assert.Equal((request.Model, mode, request.Resolution, request.Duration), (task.Model, task.Mode, task.Resolution, task.Duration));
        Assert.Equal(video.Length, download.Bytes);
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(video.ToArray(), 4, 4));
        Assert.Equal("video/mp4", download.ContentType);
    }
}
