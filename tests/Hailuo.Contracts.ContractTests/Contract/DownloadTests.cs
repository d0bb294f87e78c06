using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>Downloads: atomic files, no key to the file host, a fresh URL when the one held no longer works.</summary>
public sealed class DownloadTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hailuo-download-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Download_to_a_file_replaces_it_whole_and_leaves_no_temporary_file()
    {
        await using var world = SimWorld.Start(WireDialect.ApiMart);
        var done = await world.SubmitAndWait(Samples.Quick(WireDialect.ApiMart));
        var path = Path.Combine(_directory, "clips", "cat.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "an older file");

        var result = await world.Run(c => c.DownloadAsync(done, path));

        Assert.Equal(Path.GetFullPath(path), result.Path);
        Assert.Equal(result.Bytes, new FileInfo(path).Length);
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 4, 4));
        Assert.Equal(new[] { "cat.mp4" }, Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_download_that_fails_leaves_the_existing_file_untouched()
    {
        await using var world = SimWorld.Start(WireDialect.ApiMart, client: c => c.Retry.MaxRetryAttempts = 0);
        var done = await world.SubmitAndWait(Samples.Quick(WireDialect.ApiMart));
        var path = Path.Combine(_directory, "cat.mp4");
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(path, "an older file");
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Download, FaultKind.Status500, 1));

        await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.DownloadAsync(done, path)));

        Assert.Equal("an older file", await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task The_download_request_never_carries_the_api_key(WireDialect dialect)
    {
        await using var world = SimWorld.Start(dialect);
        var done = await world.SubmitAndWait(Samples.Quick(dialect));

        await world.Run(c => c.DownloadAsync(done, Stream.Null));

        var download = Assert.Single(world.Wire.To("/files/"));
        Assert.False(download.HasAuthorization);
        Assert.All(world.Wire.Requests.Where(r => r != download), r => Assert.True(r.HasAuthorization));
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, "/v1/tasks/")]
    [InlineData(WireDialect.MiniMax, "/v1/files/retrieve")]
    public async Task A_url_past_its_lifetime_is_replaced_by_a_fresh_one_from_the_provider_and_the_download_succeeds(WireDialect dialect, string refreshPath)
    {
        await using var world = SimWorld.Start(dialect);
        var done = await world.SubmitAndWait(Samples.Quick(dialect));
        world.Clock.Advance(HailuoSpec.Tasks.DownloadUrlLifetime + TimeSpan.FromHours(1));
        var refreshesBefore = world.Wire.To(refreshPath).Count;
        using var video = new MemoryStream();

        var result = await world.Run(c => c.DownloadAsync(done, video));

        Assert.Equal(1, result.UrlRefreshes);
        Assert.Equal(video.Length, result.Bytes);
        Assert.Equal(refreshesBefore + 1, world.Wire.To(refreshPath).Count);
        var downloads = world.Wire.To("/files/");
        Assert.Equal(new[] { 403, 200 }, downloads.Select(r => r.Status));
        Assert.Equal(done.VideoUrl!.PathAndQuery, downloads[0].PathAndQuery);
        Assert.NotEqual(downloads[0].PathAndQuery, downloads[1].PathAndQuery);
    }

    [Fact]
    public async Task An_ApiMart_video_past_FileRetention_is_refreshed_up_to_MaxUrlRefreshes_then_raises_url_expired()
    {
        await using var world = SimWorld.Start(WireDialect.ApiMart, sim => sim.FileRetention = TimeSpan.FromDays(7), c => c.MaxUrlRefreshes = 2);
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
        await using var world = SimWorld.Start(WireDialect.MiniMax, sim => sim.FileRetention = TimeSpan.FromDays(7), c => c.MaxUrlRefreshes = 2);
        var done = await world.SubmitAndWait(Samples.Quick(WireDialect.MiniMax));
        world.Clock.Advance(TimeSpan.FromDays(8));
        var refreshesBefore = world.Wire.To("/v1/files/retrieve").Count;

        var error = await Assert.ThrowsAsync<HailuoUrlExpiredException>(() => world.Run(c => c.DownloadAsync(done, Stream.Null)));

        Assert.Equal(1, error.Refreshes);
        Assert.Equal((404, "2013"), (error.HttpStatus, error.ProviderCode));
        Assert.Equal(done.Id, error.TaskId);
        Assert.IsType<HailuoException>(error.InnerException);
        Assert.Equal(world.Admin.Journal[^1].RequestId, error.RequestId);
        Assert.Equal(refreshesBefore + 1, world.Wire.To("/v1/files/retrieve").Count);
        Assert.Equal(new[] { 403 }, world.Wire.To("/files/").Select(r => r.Status));
    }

    [Fact]
    public async Task Downloading_a_task_that_has_not_completed_is_refused_without_a_request()
    {
        await using var world = SimWorld.Start(WireDialect.MiniMax);
        var submitted = await world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.MiniMax)));
        var requests = world.Wire.Requests.Count;

        await Assert.ThrowsAsync<InvalidOperationException>(() => world.Run(c => c.DownloadAsync(submitted, Stream.Null)));

        Assert.Equal(requests, world.Wire.Requests.Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
