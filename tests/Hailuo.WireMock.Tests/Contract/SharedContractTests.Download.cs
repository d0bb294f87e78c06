using Hailuo.Contracts;
using Xunit;

namespace Hailuo.WireMock.Tests.Contract;

/// <summary>Downloads: atomic files, no key to the file host, a fresh URL when the one held has expired.</summary>
public abstract partial class SharedContractTests
{
    [Fact]
    public async Task Download_to_a_file_replaces_it_whole_and_leaves_no_temporary_file()
    {
        await using var world = await Server.StartAsync(WireDialect.ApiMart, ContractScenario.Lifecycle);
        var done = await world.SubmitAndWait(ContractScenarios.Request(WireDialect.ApiMart, ContractScenario.Lifecycle));
        var directory = Directory.CreateTempSubdirectory("hailuo-download").FullName;
        try
        {
            var path = Path.Combine(directory, "clips", "cat.mp4");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, "an older file");

            var result = await world.Run(c => c.DownloadAsync(done, path));

            Assert.Equal(Path.GetFullPath(path), result.Path);
            Assert.Equal(result.Bytes, new FileInfo(path).Length);
            Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 4, 4));
            Assert.Equal(new[] { "cat.mp4" }, Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task The_download_request_never_carries_the_api_key(WireDialect dialect)
    {
        await using var world = await Server.StartAsync(dialect, ContractScenario.Lifecycle);
        var done = await world.SubmitAndWait(ContractScenarios.Request(dialect, ContractScenario.Lifecycle));

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
        await using var world = await Server.StartAsync(dialect, ContractScenario.Lifecycle);
        var done = await world.SubmitAndWait(ContractScenarios.Request(dialect, ContractScenario.Lifecycle));
        await world.PassUrlLifetimeAsync();
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
    public async Task Downloading_a_task_that_has_not_completed_is_refused_without_a_request()
    {
        await using var world = await Server.StartAsync(WireDialect.MiniMax, ContractScenario.Lifecycle);
        var submitted = await world.Run(c => c.SubmitAsync(ContractScenarios.Request(WireDialect.MiniMax, ContractScenario.Lifecycle)));
        var requests = world.Wire.Requests.Count;

        await Assert.ThrowsAsync<InvalidOperationException>(() => world.Run(c => c.DownloadAsync(submitted, Stream.Null)));

        Assert.Equal(requests, world.Wire.Requests.Count);
    }
}
