using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hailuo.Testing;

namespace Hailuo.MockServer.Tests.RealClients;

/// <summary>
/// MiniMax's own JavaScript client against the standalone simulator's MiniMax dialect, end to end through its tools:
/// what it sends must be accepted, what it reads (HTTP 200 with base_resp, Trace-Id, file_id, download_url) must be there.
/// </summary>
public sealed partial class MiniMaxMcpJsTests : IAsyncLifetime
{
    private const string Key = "sim-key-for-mcp-js";

    private readonly string _files = Directory.CreateTempSubdirectory("hailuo-mcp-js-").FullName;
    private StandaloneServer _server = null!;

    public Task InitializeAsync()
    {
        // Tasks finish at submit, so the client's first status query sees Success and it never sleeps its 20 s poll interval.
        _server = StandaloneServer.Start(
            new[] { "--Simulator:QueuedAfter=00:00:00", "--Simulator:ProcessingAfter=00:00:00", "--Simulator:CompletedAfter=00:00:00", "--Simulator:AcceptedKeys:0=" + Key },
            "http://127.0.0.1:0");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    [Fact]
    public async Task Its_text_to_video_with_its_defaults_saves_an_mp4_that_ffprobe_reads()
    {
        await using var client = await MiniMaxMcpJs.StartAsync(_server.Url, Key, _files);

        var answer = await client.CallToolAsync("generate_video", new JsonObject { ["prompt"] = "A cute cat running on the grass" });

        var path = SavedPath(answer);
        var (codec, width, height, duration) = await Ffprobe.ProbeAsync(path);
        Assert.Equal(("h264", 1366, 768, 6), (codec, width, height, (int)Math.Round(duration)));
        Assert.Equal("MiniMax-Hailuo-02", Submitted()["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Its_image_to_video_with_its_default_model_I2V_01_saves_a_720p_mp4()
    {
        var image = Path.Combine(_files, "first-frame.jpg");
        await File.WriteAllBytesAsync(image, TestImages.Jpeg(640, 360));
        await using var client = await MiniMaxMcpJs.StartAsync(_server.Url, Key, _files);

        var answer = await client.CallToolAsync("image_to_video", new JsonObject { ["prompt"] = "The cat looks up", ["firstFrameImage"] = image });

        var (codec, width, height, duration) = await Ffprobe.ProbeAsync(SavedPath(answer));
        Assert.Equal(("h264", 1280, 720, 6), (codec, width, height, (int)Math.Round(duration)));
        Assert.Equal("I2V-01", Submitted()["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_task_reaches_its_own_failure_message_with_the_task_id()
    {
        await using var client = await MiniMaxMcpJs.StartAsync(_server.Url, Key, _files);

        var answer = await client.CallToolAsync("generate_video", new JsonObject { ["prompt"] = "A cat #sim-fail" });

        var taskId = _server.Api.Admin.Journal.Single(e => e.Endpoint == SimulatorEndpoint.Submit).TaskId;
        Assert.StartsWith("Failed to generate video: ", answer, StringComparison.Ordinal);
        Assert.Contains(taskId!, answer, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_files, "*.mp4", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_wrong_key_reaches_its_own_key_error_path_with_the_simulators_reason_and_trace_id()
    {
        await using var client = await MiniMaxMcpJs.StartAsync(_server.Url, "not-the-key", _files);

        var answer = await client.CallToolAsync("generate_video", new JsonObject { ["prompt"] = "A cat" });

        var refused = _server.Api.Admin.Journal.Single();
        Assert.Equal(200, refused.Status);
        Assert.Equal(
            "Failed to generate video: Unexpected error occurred during video generation: "
            + $"MinimaxAuthError: API Error: The API key is not accepted by this simulator (see Simulator:AcceptedKeys)., Please check your API key and API host. Trace ID: {refused.RequestId}",
            answer);
    }

    private static string SavedPath(string answer)
    {
        var match = SavedLine().Match(answer);
        Assert.True(match.Success, "minimax-mcp-js did not report a saved video: " + answer);
        return match.Groups[1].Value.Trim();
    }

    /// <summary>The body of the one submit the client sent, as the journal keeps it.</summary>
    private JsonObject Submitted() =>
        JsonNode.Parse(_server.Api.Admin.Journal.Single(e => e.Endpoint == SimulatorEndpoint.Submit).Body)!.AsObject();

    [GeneratedRegex("^Video saved: (.+)$", RegexOptions.Multiline)]
    private static partial Regex SavedLine();
}
