using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>Reads (status, file retrieve, download) are retried on 429, 5xx, resets and stalls.</summary>
public sealed class ReadRetryTests
{
    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_429_on_a_poll_is_retried_exactly_after_Retry_After_and_not_before(WireDialect dialect)
    {
        // Two requests a minute: submit at 0 s, poll at 15 s, the poll at 30 s is refused until 60 s.
        await using var world = await SimWorld.StartAsync(
            dialect,
            sim => (sim.RequestsPerMinute, sim.CompletedAfter) = (2, TimeSpan.FromSeconds(50)),
            client => client.PollingInterval = TimeSpan.FromSeconds(15));

        var done = await world.SubmitAndWait(Samples.Quick(dialect));

        var statusPath = dialect == WireDialect.ApiMart ? "/v1/tasks/" : "/v1/query/";
        var polls = world.Wire.To(statusPath);
        var start = world.Wire.Requests[0].At;
        Assert.Equal(new[] { (15, 200), (30, Documented.ErrorStatus(dialect, 429)), (60, 200) }, polls.Select(p => ((int)(p.At - start).TotalSeconds, p.Status)));
        Assert.Equal(VideoTaskStatus.Completed, done.Status);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, FaultKind.Status500)]
    [InlineData(WireDialect.ApiMart, FaultKind.Status502)]
    [InlineData(WireDialect.ApiMart, FaultKind.Status503)]
    [InlineData(WireDialect.ApiMart, FaultKind.ConnectionReset)]
    [InlineData(WireDialect.MiniMax, FaultKind.Status500)]
    [InlineData(WireDialect.MiniMax, FaultKind.Status503)]
    [InlineData(WireDialect.MiniMax, FaultKind.ConnectionReset)]
    public async Task Server_errors_and_resets_on_a_poll_are_retried_with_backoff_then_succeed(WireDialect dialect, FaultKind fault)
    {
        await using var world = await SimWorld.StartAsync(dialect, client: c => c.Retry.BaseDelay = TimeSpan.FromSeconds(2));
        var submitted = await world.Run(c => c.SubmitAsync(Samples.Quick(dialect)));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, fault, 2));
        var before = world.Clock.GetUtcNow();

        var done = await world.Run(c => c.WaitForCompletionAsync(submitted));

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        var statuses = world.Admin.Journal.Where(j => j.Endpoint == SimulatorEndpoint.Status).Select(j => j.Fault).ToArray();
        Assert.Equal(new FaultKind?[] { fault, fault, null }, statuses);

        // 15 s interval, then 2 s and 4 s of backoff (503's Retry-After: 1 s wins where it is sent).
        var waited = world.Clock.GetUtcNow() - before;
        Assert.Equal(fault == FaultKind.Status503 ? TimeSpan.FromSeconds(17) : TimeSpan.FromSeconds(21), waited);
    }

    [Fact]
    public async Task A_poll_failing_more_often_than_the_retries_allow_is_waited_out_until_the_task_is_seen_completed()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, client: c => c.Retry.MaxRetryAttempts = 1);
        var submitted = await world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.ApiMart)));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Status502, 3));

        var done = await world.Run(c => c.WaitForCompletionAsync(submitted));

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(4, world.Admin.Journal.Count(j => j.Endpoint == SimulatorEndpoint.Status));
    }

    [Fact]
    public async Task A_stalled_poll_is_abandoned_after_the_attempt_timeout_and_retried()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.MiniMax, client: c => c.AttemptTimeout = TimeSpan.FromSeconds(20));
        var submitted = await world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.MiniMax)));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Stall, 1));
        var wait = world.Client.WaitForCompletionAsync(submitted);

        // The driver never moves time while a request is in flight: once the poll hangs, the test moves it past the attempt timeout.
        await world.Clock.RunAsync(world.Admin.WhenStalledAsync(SimulatorEndpoint.Status));
        world.Clock.Advance(TimeSpan.FromSeconds(20));
        var done = await world.Clock.RunAsync(wait);

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        // The stalled request is journaled when its connection ends, which may be after the retry's: compare without order.
        Assert.Equal(new FaultKind?[] { null, FaultKind.Stall }, world.Admin.Journal.Where(j => j.Endpoint == SimulatorEndpoint.Status).Select(j => j.Fault).OrderBy(f => f.HasValue));
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, FaultKind.Status503)]
    [InlineData(WireDialect.MiniMax, FaultKind.ConnectionReset)]
    public async Task A_failed_download_starts_over_and_delivers_the_whole_file(WireDialect dialect, FaultKind fault)
    {
        await using var world = await SimWorld.StartAsync(dialect);
        var done = await world.SubmitAndWait(Samples.Quick(dialect));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Download, fault, 1));
        using var video = new MemoryStream();

        var result = await world.Run(c => c.DownloadAsync(done, video));

        Assert.Equal(video.Length, result.Bytes);
        Assert.Equal(2, world.Admin.Journal.Count(j => j.Endpoint == SimulatorEndpoint.Download));
    }
}
