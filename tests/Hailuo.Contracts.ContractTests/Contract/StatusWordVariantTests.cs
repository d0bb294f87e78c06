using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>The client reads every documented set of APIMart status words from the simulator, not only from canned answers.</summary>
public sealed class StatusWordVariantTests
{
    public static TheoryData<ApiMartStatusWords, string[], VideoTaskStatus[]> Variants => new()
    {
        {
            ApiMartStatusWords.DesignCard,
            new[] { "submitted", "queued", "processing", "processing", "completed" },
            new[] { VideoTaskStatus.Submitted, VideoTaskStatus.Queued, VideoTaskStatus.Processing, VideoTaskStatus.Processing, VideoTaskStatus.Completed }
        },
        {
            ApiMartStatusWords.StatusPage,
            new[] { "pending", "pending", "processing", "processing", "completed" },
            new[] { VideoTaskStatus.Queued, VideoTaskStatus.Queued, VideoTaskStatus.Processing, VideoTaskStatus.Processing, VideoTaskStatus.Completed }
        },
        {
            ApiMartStatusWords.Seed002,
            new[] { "submitted", "queued", "processing", "processing", "success" },
            new[] { VideoTaskStatus.Submitted, VideoTaskStatus.Queued, VideoTaskStatus.Processing, VideoTaskStatus.Processing, VideoTaskStatus.Completed }
        },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_wait_reads_each_documented_word_ends_on_its_end_word_and_the_video_downloads(ApiMartStatusWords words, string[] sent, VideoTaskStatus[] read)
    {
        await using var world = await SimWorld.StartAsync(
            WireDialect.ApiMart,
            sim => (sim.QueuedAfter, sim.ProcessingAfter, sim.CompletedAfter, sim.ApiMartStatusWords) = (TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(70), words),
            client => client.PollingInterval = TimeSpan.FromSeconds(15));
        var reports = new List<VideoTaskProgress>();

        var done = await world.Run(async c => await c.WaitForCompletionAsync(await c.SubmitAsync(Samples.Quick(WireDialect.ApiMart)), new InlineProgress<VideoTaskProgress>(reports.Add)));
        var video = await world.Run(c => c.DownloadAsync(done, Stream.Null));

        Assert.Equal(sent, reports.Select(r => r.Task.StatusWord));
        Assert.Equal(read, reports.Select(r => r.Status));
        Assert.Equal((VideoTaskStatus.Completed, sent[^1]), (done.Status, done.StatusWord));
        Assert.True(video.Bytes > 0);
    }

    [Theory]
    [InlineData(ApiMartStatusWords.StatusPage)]
    [InlineData(ApiMartStatusWords.Seed002)]
    public async Task A_failed_task_ends_the_wait_as_failed_whatever_the_words(ApiMartStatusWords words)
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, sim => sim.ApiMartStatusWords = words);

        var error = await Assert.ThrowsAsync<HailuoTaskFailedException>(() => world.SubmitAndWait(Samples.Quick(WireDialect.ApiMart, "A street scene #sim-fail")));

        Assert.Equal((VideoTaskStatus.Failed, "failed"), (error.Task?.Status, error.Task?.StatusWord));
    }
}
