using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>`hailuo sim export-wiremock`: WireMock mappings written from the simulator.</summary>
public sealed class SimExportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hailuo-cli-wiremock").FullName;

    [Fact]
    public async Task Export_writes_mappings_and_videos_whose_urls_name_the_base_url_and_lists_the_scenarios()
    {
        var (exit, output, _) = await CliRun.Run("sim", "export-wiremock", "--out", _directory, "--base-url", "http://127.0.0.1:9099");

        Assert.Equal(0, exit);
        var mappings = Directory.GetFiles(Path.Combine(_directory, "mappings"), "*.json");
        var videos = Directory.GetFiles(Path.Combine(_directory, "__files"), "*.mp4").Length;
        Assert.Contains($"wrote {mappings.Length} mappings and {videos} video files for WireMock to", output, StringComparison.Ordinal);
        Assert.Contains("apimart-lifecycle: plain prompt", output, StringComparison.Ordinal);
        Assert.Contains("minimax-failed: prompt with #sim-fail", output, StringComparison.Ordinal);
        var completed = await File.ReadAllTextAsync(Path.Combine(_directory, "mappings", "apimart-lifecycle-05-poll-completed.json"));
        Assert.Contains("\"http://127.0.0.1:9099/files/", completed, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_directory, "__files"), "*.mp4"));
    }

    [Fact]
    public async Task An_api_key_makes_the_stubs_accept_only_that_key()
    {
        var (exit, _, _) = await CliRun.Run("sim", "export-wiremock", "--out", _directory, "--api-key", "sk-only-this");

        Assert.Equal(0, exit);
        var submit = await File.ReadAllTextAsync(Path.Combine(_directory, "mappings", "minimax-lifecycle-01-submit.json"));
        Assert.Contains("\"equalTo\": \"Bearer sk-only-this\"", submit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_default_both_formats_are_written_and_format_wiremock_net_writes_only_WireMock_Nets()
    {
        var both = Path.Combine(_directory, "both");
        var net = Path.Combine(_directory, "net");

        var (bothExit, bothOutput, _) = await CliRun.Run("sim", "export-wiremock", "--out", both);
        var (netExit, netOutput, _) = await CliRun.Run("sim", "export-wiremock", "--out", net, "--format", "wiremock-net");

        Assert.Equal((0, 0), (bothExit, netExit));
        Assert.True(Directory.Exists(Path.Combine(both, "mappings")) && Directory.Exists(Path.Combine(both, "__admin", "mappings")));
        Assert.Contains("WireMock: java -jar", bothOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(net, "mappings")));
        var submit = await File.ReadAllTextAsync(Path.Combine(net, "__admin", "mappings", "minimax-lifecycle-01-submit.json"));
        Assert.Contains("\"SetStateTo\": \"Submitted\"", submit, StringComparison.Ordinal);
        Assert.Contains("WireMock.Net: static mappings from", netOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("java -jar", netOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_url_that_is_not_absolute_http_is_refused_before_writing_anything()
    {
        var (exit, _, error) = await CliRun.Run("sim", "export-wiremock", "--out", _directory, "--base-url", "localhost:8080");

        Assert.Equal(2, exit);
        Assert.Contains("--base-url 'localhost:8080' must be an absolute http(s) URL", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
