using Hailuo.Contracts.ContractTests.Infrastructure;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>Waiting: polling on the options' interval, progress, resuming from a stored id, deadline and cancellation.</summary>
public sealed class WaitTests
{
    // The tests of this kind that need no clock on the server run against the simulator and WireMock: tests/Hailuo.WireMock.Tests/Contract.
    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task Wait_polls_every_interval_and_reports_each_status_with_virtual_elapsed_time(WireDialect dialect)
    {
        await using var world = await SimWorld.StartAsync(
            dialect,
            sim => (sim.QueuedAfter, sim.ProcessingAfter, sim.CompletedAfter) = (TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(70)),
            client => client.PollingInterval = TimeSpan.FromSeconds(15));
        var reports = new List<VideoTaskProgress>();

        var done = await world.Run(async c => await c.WaitForCompletionAsync(await c.SubmitAsync(Samples.Quick(dialect)), new InlineProgress<VideoTaskProgress>(reports.Add)));

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(
            new[] { (15, VideoTaskStatus.Submitted), (30, VideoTaskStatus.Queued), (45, VideoTaskStatus.Processing), (60, VideoTaskStatus.Processing), (75, VideoTaskStatus.Completed) },
            reports.Select(r => ((int)r.Elapsed.TotalSeconds, r.Status)));
        Assert.Equal(new[] { true, true, true, false, true }, reports.Select(r => r.StatusChanged));
        var polls = world.Wire.Requests.Where(r => r.Method == "GET" && !r.PathAndQuery.Contains("files/retrieve", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, polls.Count);
    }

    [Fact]
    public async Task Wait_longer_than_WaitTimeout_raises_timed_out_with_the_last_status_and_the_task_goes_on()
    {
        await using var world = await SimWorld.StartAsync(
            WireDialect.ApiMart,
            sim => (sim.ProcessingAfter, sim.CompletedAfter) = (TimeSpan.FromSeconds(30), TimeSpan.FromHours(2)),
            client => client.WaitTimeout = TimeSpan.FromMinutes(10));
        var submitted = await world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.ApiMart)));
        var started = world.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.WaitForCompletionAsync(submitted)));


        Assert.Equal(HailuoException.WaitTimedOut, error.ErrorCode);
        Assert.Equal(TimeSpan.FromMinutes(10), world.Clock.GetUtcNow() - started);
        Assert.Equal(submitted.Id, error.TaskId);
        Assert.Contains("is still Processing after 00:10:00", error.Message, StringComparison.Ordinal);
        world.Clock.Advance(TimeSpan.FromHours(2));
        var later = await world.Run(c => c.WaitForCompletionAsync(submitted.Id));
        Assert.Equal(VideoTaskStatus.Completed, later.Status);
    }

    [Fact]
    public async Task Cancelling_a_wait_stops_polling_at_once()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.MiniMax, sim => sim.CompletedAfter = TimeSpan.FromHours(1));
        var submitted = await world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.MiniMax)));
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress<VideoTaskProgress>(p =>
        {
            if (p.Polls == 2)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.Run(c => c.WaitForCompletionAsync(submitted, progress, cancel.Token)));

        Assert.Equal(2, world.Wire.To("/v1/query/").Count);
        Assert.Equal(TimeSpan.FromSeconds(30), world.Clock.GetUtcNow() - submitted.SubmittedAt);
    }
}
