using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hailuo.Contracts;

namespace Hailuo.MockServer.Tests.Support;

/// <summary>Speaks both dialects to a simulator with one bearer key, as a client would.</summary>
public sealed class TestClient : IDisposable
{
    /// <summary>The HTTP status an API error of the dialect travels with by default: 200 where the spec says errors go in the body (MiniMax), else the given one.</summary>
    public static HttpStatusCode ErrorStatus(WireDialect dialect, HttpStatusCode status) =>
        HailuoSpec.Dialects.First(d => d.Dialect == dialect).ErrorsInBody ? HttpStatusCode.OK : status;

    public const string DefaultKey = "test-key-0123456789";

    private TestClient(HttpClient http)
    {
        Http = http;
    }

    public HttpClient Http { get; }

    public static TestClient For(HailuoSimulator simulator, string? key = DefaultKey)
    {
        var http = simulator.CreateClient();
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return new TestClient(http);
    }

    public static string SubmitPath(WireDialect dialect) => dialect == WireDialect.ApiMart ? "/v1/videos/generations" : "/v1/video_generation";

    public static string StatusPath(WireDialect dialect, string taskId) =>
        dialect == WireDialect.ApiMart ? "/v1/tasks/" + taskId : "/v1/query/video_generation?task_id=" + taskId;

    /// <summary>A request every dialect accepts: the provider's first model, text-to-video, its defaults.</summary>
    public static VideoGenerationRequest Valid(WireDialect dialect, string prompt = "A cute cat running on the grass")
    {
        var provider = dialect == WireDialect.ApiMart ? HailuoSpec.ApiMart : HailuoSpec.MiniMax;
        var model = provider.Models.First(m => m.FindMode(VideoMode.TextToVideo) is not null);
        var row = model.FindMode(VideoMode.TextToVideo)!.Matrix[0];
        return new VideoGenerationRequest { Model = model.Id, Prompt = prompt, Resolution = provider.WireResolution(row.Resolution), Duration = row.Durations[0] };
    }

    public Task<HttpResponseMessage> SubmitAsync(WireDialect dialect, object body) =>
        Http.PostAsync(SubmitPath(dialect), JsonContent.Create(body, body.GetType()));

    public async Task<string> SubmitTaskAsync(WireDialect dialect, object body)
    {
        using var response = await SubmitAsync(dialect, body);
        var json = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return dialect == WireDialect.ApiMart
            ? json.GetProperty("data")[0].GetProperty("task_id").GetString()!
            : json.GetProperty("task_id").GetString()!;
    }

    public async Task<JsonElement> StatusAsync(WireDialect dialect, string taskId)
    {
        using var response = await Http.GetAsync(StatusPath(dialect, taskId));
        var json = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }

    /// <summary>The status word as the dialect writes it ("queued", "Queueing", ...).</summary>
    public async Task<string> StatusWordAsync(WireDialect dialect, string taskId)
    {
        var json = await StatusAsync(dialect, taskId);
        return (dialect == WireDialect.ApiMart ? json.GetProperty("data") : json).GetProperty("status").GetString()!;
    }

    /// <summary>APIMart: result.videos[0].url[0]; MiniMax: file_id, then /v1/files/retrieve's download_url.</summary>
    public async Task<string> DownloadUrlAsync(WireDialect dialect, string taskId)
    {
        var status = await StatusAsync(dialect, taskId);
        if (dialect == WireDialect.ApiMart)
        {
            return status.GetProperty("data").GetProperty("result").GetProperty("videos")[0].GetProperty("url")[0].GetString()!;
        }

        var fileId = status.GetProperty("file_id").GetString();
        using var response = await Http.GetAsync("/v1/files/retrieve?file_id=" + fileId);
        var file = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, file.ToString());
        return file.GetProperty("file").GetProperty("download_url").GetString()!;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return document.RootElement.Clone();
    }

    /// <summary>An APIMart refusal at submit: 400, naming the field in `param` and saying what is wrong in words.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string words)
    {
        var error = (await ReadJsonAsync(response)).GetProperty("error");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, error.GetProperty("param").GetString());
        Assert.Contains(words, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => Http.Dispose();
}
