using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>The defects the fault soak found (issue 11), each pinned against the simulator.</summary>
public sealed class FaultSoakDefectTests
{
    [Theory]
    [InlineData(FaultKind.Status503)]
    [InlineData(FaultKind.Status500)]
    [InlineData(FaultKind.ConnectionReset)]
    public async Task A_MiniMax_wait_keeps_asking_for_the_file_URL_of_a_completed_task_through_more_failures_than_one_call_retries(FaultKind fault)
    {
        await using var world = await SimWorld.StartAsync(WireDialect.MiniMax);
        var submitted = await world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.MiniMax)));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.FileRetrieve, fault, 4));

        var done = await world.Run(c => c.WaitForCompletionAsync(submitted));

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.NotNull(done.VideoUrl);
        var retrieves = world.Admin.Journal.Where(j => j.Endpoint == SimulatorEndpoint.FileRetrieve).Select(j => j.Fault).ToArray();
        Assert.Equal(new FaultKind?[] { fault, fault, fault, fault, null }, retrieves);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_download_reset_more_often_than_the_retries_allow_raises_a_transient_HailuoException_not_a_raw_one(WireDialect dialect)
    {
        await using var world = await SimWorld.StartAsync(dialect);
        var done = await world.SubmitAndWait(Samples.Quick(dialect));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Download, FaultKind.ConnectionReset, 4));
        using var video = new MemoryStream();

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.DownloadAsync(done, video)));

        Assert.True(error.IsTransient);
        Assert.Equal(done.Id, error.TaskId);
        // On a real socket a reset before the headers is an HttpRequestException, after them an IOException: either is the network's word, not ours.
        Assert.True(error.InnerException is HttpRequestException or IOException, error.InnerException?.GetType().Name);
        Assert.Equal(4, world.Admin.Journal.Count(j => j.Endpoint == SimulatorEndpoint.Download));
    }

    [Fact]
    public async Task A_stalled_download_raises_a_transient_HailuoException_not_the_internal_attempt_timeout()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, client: c => (c.AttemptTimeout, c.Retry.MaxRetryAttempts) = (TimeSpan.FromSeconds(20), 0));
        var done = await world.SubmitAndWait(Samples.Quick(WireDialect.ApiMart));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Download, FaultKind.Stall, 1));
        using var video = new MemoryStream();
        var download = world.Client.DownloadAsync(done, video);

        await world.Clock.RunAsync(world.Admin.WhenStalledAsync(SimulatorEndpoint.Download));
        world.Clock.Advance(TimeSpan.FromSeconds(20));
        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Clock.RunAsync(download));

        Assert.True(error.IsTransient);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(error.InnerException);
    }

    [Fact]
    public async Task An_unknown_submit_outcome_names_the_attempt_that_may_have_created_the_task_its_count_request_id_and_callback()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, client: c => c.Retry.BaseDelay = TimeSpan.FromSeconds(1));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Status503, 2));
        var request = Samples.Quick(WireDialect.ApiMart).ToRequest();
        request.CallbackUrl = "https://hooks.example.com/hailuo";
        var started = world.Clock.GetUtcNow();

        // The two refusals are retried after their Retry-After; the third attempt is accepted, then reset.
        var submit = world.Run(async c =>
        {
            world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, 1));
            return await c.SubmitAsync(request);
        });
        var error = await Assert.ThrowsAsync<HailuoSubmitOutcomeUnknownException>(() => submit);

        var attempts = world.Admin.Journal.Where(j => j.Endpoint == SimulatorEndpoint.Submit).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(attempts[2].Time, error.SentAt);
        Assert.True(error.SentAt > started);
        Assert.Equal(attempts[1].RequestId, error.LastRequestId);
        Assert.Equal("https://hooks.example.com/hailuo", error.CallbackUrl);
        Assert.Single(world.Admin.Tasks);
    }

    [Fact]
    public async Task A_reset_in_memory_reads_as_a_reset_not_as_an_attempt_timeout()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, client: c => c.Retry.MaxRetryAttempts = 0);
        var submitted = await world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.ApiMart)));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.ConnectionReset, 1));

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.GetTaskAsync(submitted.Id)));

        Assert.True(error.IsTransient);
        Assert.IsNotType<Polly.Timeout.TimeoutRejectedException>(error.InnerException);
        Assert.DoesNotContain("took longer", error.Message, StringComparison.Ordinal);
    }
}
