using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>Downloads: atomic files, no key to the file host, a fresh URL when the one held no longer works.</summary>
public sealed class DownloadTests : IDisposable
{
    // The tests of this kind that need no clock on the server run against the simulator and WireMock: tests/Hailuo.WireMock.Tests/Contract.
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hailuo-download-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_download_that_fails_leaves_the_existing_file_untouched()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, client: c => c.Retry.MaxRetryAttempts = 0);
        var done = await world.SubmitAndWait(Samples.Quick(WireDialect.ApiMart));
        var path = Path.Combine(_directory, "cat.mp4");
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(path, "an older file");
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Download, FaultKind.Status500, 1));

        await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.DownloadAsync(done, path)));

        Assert.Equal("an older file", await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task An_ApiMart_video_past_FileRetention_is_refreshed_up_to_MaxUrlRefreshes_then_raises_url_expired()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, sim => sim.FileRetention = TimeSpan.FromDays(7), c => c.MaxUrlRefreshes = 2);
        var done = await world.SubmitAndWait(Samples.Quick(WireDialect.ApiMart));
        world.Clock.Advance(TimeSpan.FromDays(8));
        var refreshesBefore = world.Wire.To("/v1/tasks/").Count;

        var error = await Assert.ThrowsAsync<HailuoUrlExpiredException>(() => world.Run(c => c.DownloadAsync(done, Stream.Null)));

        // The task still shows its video, with the last URL it had: expired when the file was deleted.
        Assert.Equal(2, error.Refreshes);
        Assert.Equal(403, error.HttpStatus);
        Assert.Equal(done.Id, error.TaskId);
        Assert.Equal(world.Admin.Tasks[0].FinishedAt + TimeSpan.FromDays(7), error.ExpiredAt);
        Assert.Equal(refreshesBefore + 2, world.Wire.To("/v1/tasks/").Count);
        Assert.Equal(3, world.Wire.To("/files/").Count);
    }

    [Fact]
    public async Task A_MiniMax_video_past_FileRetention_raises_url_expired_as_soon_as_files_retrieve_says_it_is_gone()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.MiniMax, sim => sim.FileRetention = TimeSpan.FromDays(7), c => c.MaxUrlRefreshes = 2);
        var done = await world.SubmitAndWait(Samples.Quick(WireDialect.MiniMax));
        world.Clock.Advance(TimeSpan.FromDays(8));
        var refreshesBefore = world.Wire.To("/v1/files/retrieve").Count;

        var error = await Assert.ThrowsAsync<HailuoUrlExpiredException>(() => world.Run(c => c.DownloadAsync(done, Stream.Null)));

        Assert.Equal(1, error.Refreshes);
        Assert.Equal((Documented.ErrorStatus(WireDialect.MiniMax, 404), "2013"), (error.HttpStatus, error.ProviderCode));
        Assert.Equal(done.Id, error.TaskId);
        Assert.IsType<HailuoException>(error.InnerException);
        Assert.Equal(world.Admin.Journal[^1].RequestId, error.RequestId);
        Assert.Equal(refreshesBefore + 1, world.Wire.To("/v1/files/retrieve").Count);
        Assert.Equal(new[] { 403 }, world.Wire.To("/files/").Select(r => r.Status));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
