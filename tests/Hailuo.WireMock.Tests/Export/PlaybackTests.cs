using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hailuo.Contracts;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer.WireMock;
using Hailuo.WireMock.Tests.Infrastructure;
using Xunit;

namespace Hailuo.WireMock.Tests.Export;

/// <summary>The exported mappings played request by request, as a client in any language would meet them.</summary>
public abstract class PlaybackTests(IStubHost wireMock) : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new(wireMock.CreateHandler()) { BaseAddress = wireMock.BaseAddress };

    public Task InitializeAsync() => wireMock.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_exported_mapping_file_is_loaded_from_the_mappings_folder()
    {
        var files = wireMock.Export.Files.Count(f => Path.GetDirectoryName(f) == wireMock.MappingsFolder && f.EndsWith(".json", StringComparison.Ordinal));

        Assert.Equal(files, await wireMock.MappingCountAsync());
        foreach (var scenario in wireMock.Export.Scenarios)
        {
            Assert.Equal(WireMockScenarioStates.Started, await wireMock.StateAsync(scenario.Name));
        }
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, "submitted queued processing completed completed")]
    [InlineData(WireDialect.MiniMax, "Preparing Queueing Processing Success Success")]
    public async Task Each_poll_moves_the_lifecycle_one_status_on_and_the_completed_task_serves_its_mp4(WireDialect dialect, string words)
    {
        var scenario = wireMock.Export.Scenario(dialect, null);

        var taskId = await SubmitAsync(dialect, "A cat on the grass");
        var seen = new List<string>();
        for (var poll = 0; poll < 5; poll++)
        {
            seen.Add(Word(dialect, await GetJsonAsync(StatusPath(dialect, taskId))));
        }

        var video = await _http.GetByteArrayAsync(await DownloadUrlAsync(dialect, taskId));
        Assert.Equal(scenario.TaskId, taskId);
        Assert.Equal(words, string.Join(' ', seen));
        Assert.Equal("ftyp", Encoding.ASCII.GetString(video, 4, 4));
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, "#sim-fail", "failed")]
    [InlineData(WireDialect.ApiMart, "#SIM-Content-Policy", "failed")]
    [InlineData(WireDialect.MiniMax, "#sim-fail", "Fail")]
    [InlineData(WireDialect.MiniMax, "#sim-content-policy", "Fail")]
    public async Task A_prompt_marker_picks_the_failing_scenario_whatever_its_case(WireDialect dialect, string marker, string word)
    {
        var taskId = await SubmitAsync(dialect, "A street scene " + marker);
        JsonNode last = null!;
        for (var poll = 0; poll < 4; poll++)
        {
            last = await GetJsonAsync(StatusPath(dialect, taskId));
        }

        Assert.Equal(wireMock.Export.Scenario(dialect, marker.ToLowerInvariant()).TaskId, taskId);
        Assert.Equal(word, Word(dialect, last));
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_rate_limited_submit_is_refused_once_with_Retry_After_then_accepted(WireDialect dialect)
    {
        using var refused = await PostSubmitAsync(dialect, "A cat " + WireMockPromptMarkers.RateLimit);
        using var accepted = await PostSubmitAsync(dialect, "A cat " + WireMockPromptMarkers.RateLimit);

        Assert.Equal((HttpStatusCode)Documented.ErrorStatus(dialect, 429), refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task The_server_error_scenario_fails_the_first_poll_with_500_and_then_goes_on(WireDialect dialect)
    {
        var taskId = await SubmitAsync(dialect, "A cat " + WireMockPromptMarkers.ServerError);

        using var first = await GetAsync(StatusPath(dialect, taskId));
        using var second = await GetAsync(StatusPath(dialect, taskId));

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_url_works_until_the_scenario_is_set_to_Expired_then_a_fresh_one_works_until_Deleted(WireDialect dialect)
    {
        var scenario = wireMock.Export.Scenario(dialect, null).Name;
        var taskId = await SubmitAsync(dialect, "A cat");
        for (var poll = 0; poll < 4; poll++)
        {
            await GetJsonAsync(StatusPath(dialect, taskId));
        }

        var first = await DownloadUrlAsync(dialect, taskId);
        using var completed = await _http.GetAsync(first);
        await wireMock.SetStateAsync(scenario, WireMockScenarioStates.Expired);
        using var expired = await _http.GetAsync(first);
        var fresh = await DownloadUrlAsync(dialect, taskId);
        using var refreshed = await _http.GetAsync(fresh);
        await wireMock.SetStateAsync(scenario, WireMockScenarioStates.Deleted);
        using var deleted = await _http.GetAsync(fresh);

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(first, fresh);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deleted.StatusCode);
    }

    [Fact]
    public async Task A_download_url_with_a_changed_signature_is_refused_with_403()
    {
        var taskId = await SubmitAsync(WireDialect.ApiMart, "A cat");
        for (var poll = 0; poll < 4; poll++)
        {
            await GetJsonAsync(StatusPath(WireDialect.ApiMart, taskId));
        }

        using var changed = await _http.GetAsync(await DownloadUrlAsync(WireDialect.ApiMart, taskId) + "0");

        Assert.Equal(HttpStatusCode.Forbidden, changed.StatusCode);
        Assert.Contains("signature", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, null)]
    [InlineData(WireDialect.ApiMart, "sk-another-key")]
    [InlineData(WireDialect.MiniMax, null)]
    [InlineData(WireDialect.MiniMax, "sk-another-key")]
    public async Task A_missing_or_other_key_is_refused_and_an_unknown_task_is_not_found_in_the_dialects_transport(WireDialect dialect, string? key)
    {
        using var refused = await PostSubmitAsync(dialect, "A cat", key);
        using var unknown = await GetAsync(StatusPath(dialect, "does-not-exist"));

        Assert.Equal((HttpStatusCode)Documented.ErrorStatus(dialect, 401), refused.StatusCode);
        Assert.Equal((HttpStatusCode)Documented.ErrorStatus(dialect, 404), unknown.StatusCode);
    }

    public void Dispose()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string SubmitPath(WireDialect dialect) => dialect == WireDialect.ApiMart ? "v1/videos/generations" : "v1/video_generation";

    private static string StatusPath(WireDialect dialect, string taskId) =>
        dialect == WireDialect.ApiMart ? "v1/tasks/" + taskId : "v1/query/video_generation?task_id=" + taskId;

    private static string Word(WireDialect dialect, JsonNode status) =>
        (dialect == WireDialect.ApiMart ? status["data"]!["status"] : status["status"])!.GetValue<string>();

    private async Task<string> SubmitAsync(WireDialect dialect, string prompt)
    {
        using var response = await PostSubmitAsync(dialect, prompt);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (dialect == WireDialect.ApiMart ? body["data"]![0]!["task_id"] : body["task_id"])!.GetValue<string>();
    }

    private Task<HttpResponseMessage> PostSubmitAsync(WireDialect dialect, string prompt, string? key = WireMockFixture.Key)
    {
        var body = new JsonObject { ["model"] = "MiniMax-Hailuo-02", ["prompt"] = prompt }.ToJsonString();
        var request = new HttpRequestMessage(HttpMethod.Post, SubmitPath(dialect)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return _http.SendAsync(request);
    }

    private Task<HttpResponseMessage> GetAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WireMockFixture.Key);
        return _http.SendAsync(request);
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>APIMart: from the completed status; MiniMax: file_id, then the file object.</summary>
    private async Task<string> DownloadUrlAsync(WireDialect dialect, string taskId)
    {
        var status = await GetJsonAsync(StatusPath(dialect, taskId));
        if (dialect == WireDialect.ApiMart)
        {
            return status["data"]!["result"]!["videos"]![0]!["url"]![0]!.GetValue<string>();
        }

        var file = await GetJsonAsync("v1/files/retrieve?file_id=" + status["file_id"]!.GetValue<string>());
        return file["file"]!["download_url"]!.GetValue<string>();
    }
}

/// <summary>Real WireMock serving the export in WireMock's JSON format.</summary>
[Collection(WireMockRun.Name)]
public sealed class WireMockPlaybackTests(WireMockFixture wireMock) : PlaybackTests(wireMock);

/// <summary>A real WireMock.Net server playing the export in WireMock.Net's own format (static mappings).</summary>
[Collection(WireMockNetRun.Name)]
public sealed class WireMockNetPlaybackTests(WireMockNetFixture wireMockNet) : PlaybackTests(wireMockNet);
