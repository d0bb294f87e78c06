using Hailuo.Contracts;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Xunit;

namespace Hailuo.WireMock.Tests.Contract;

/// <summary>Submit, wait, resume, and the faults a server answers with before the task goes through.</summary>
public abstract partial class SharedContractTests
{
    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task Each_poll_reports_the_next_status_and_the_completed_task_downloads_as_an_mp4(WireDialect dialect)
    {
        await using var world = await Server.StartAsync(dialect, ContractScenario.Lifecycle);
        var reports = new List<VideoTaskProgress>();

        var done = await world.Run(async c => await c.WaitForCompletionAsync(await c.SubmitAsync(ContractScenarios.Request(dialect, ContractScenario.Lifecycle)), new InlineProgress<VideoTaskProgress>(reports.Add)));
        using var video = new MemoryStream();
        var download = await world.Run(c => c.DownloadAsync(done, video));

        Assert.Equal(new[] { VideoTaskStatus.Submitted, VideoTaskStatus.Queued, VideoTaskStatus.Processing, VideoTaskStatus.Completed }, reports.Select(r => r.Status));
        Assert.Equal(4, world.Wire.To(StatusPath(dialect)).Count);
        Assert.Equal(video.Length, download.Bytes);
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(video.ToArray(), 4, 4));
        Assert.Equal("video/mp4", download.ContentType);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_submit_refused_with_429_is_retried_after_Retry_After_and_creates_the_task(WireDialect dialect)
    {
        await using var world = await Server.StartAsync(dialect, ContractScenario.RateLimitedSubmit);

        var task = await world.Run(c => c.SubmitAsync(ContractScenarios.Request(dialect, ContractScenario.RateLimitedSubmit)));

        var submits = world.Wire.Requests;
        Assert.Equal(new[] { Documented.ErrorStatus(dialect, 429), 200 }, submits.Select(s => s.Status));
        Assert.Equal(TimeSpan.FromSeconds(1), submits[1].At - submits[0].At);
        Assert.Equal(VideoTaskStatus.Submitted, task.Status);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_500_on_a_poll_is_retried_after_the_backoff_and_the_wait_completes(WireDialect dialect)
    {
        await using var world = await Server.StartAsync(dialect, ContractScenario.ServerErrorPoll, c => c.Retry.BaseDelay = TimeSpan.FromSeconds(2));

        var done = await world.SubmitAndWait(ContractScenarios.Request(dialect, ContractScenario.ServerErrorPoll));

        var polls = world.Wire.To(StatusPath(dialect));
        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(new[] { 500, 200, 200, 200, 200 }, polls.Select(p => p.Status));
        Assert.Equal(TimeSpan.FromSeconds(2), polls[1].At - polls[0].At);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task Wait_resumed_from_a_stored_task_id_by_another_client_completes_with_the_video_url(WireDialect dialect)
    {
        await using var world = await Server.StartAsync(dialect, ContractScenario.Lifecycle);
        var submitted = await world.Run(c => c.SubmitAsync(ContractScenarios.Request(dialect, ContractScenario.Lifecycle)));
        using var restarted = world.NewClient(dialect);

        var done = await world.Clock.RunAsync(restarted.WaitForCompletionAsync(submitted.Id));

        Assert.Equal(submitted.Id, done.Id);
        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.NotNull(done.VideoUrl);
        Assert.Single(world.Wire.To(SubmitPath(dialect)));
    }

    [Fact]
    public async Task A_completed_task_is_not_polled_again()
    {
        await using var world = await Server.StartAsync(WireDialect.ApiMart, ContractScenario.Lifecycle);
        var done = await world.SubmitAndWait(ContractScenarios.Request(WireDialect.ApiMart, ContractScenario.Lifecycle));
        var requests = world.Wire.Requests.Count;

        var again = await world.Run(c => c.WaitForCompletionAsync(done));

        Assert.Same(done, again);
        Assert.Equal(requests, world.Wire.Requests.Count);
    }
}
