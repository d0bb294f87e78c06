using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>One submit and one status poll: raw HttpClient, Refit (its own generator and ours), and HailuoClient on the generated interface.</summary>
[MemoryDiagnoser]
public class SubmitAndPollBenchmarks : IDisposable
{
    private readonly TypedVideoRequest _request = ApiMart.Hailuo02.TextToVideo(Prompt.Of("A cute cat running on the grass").Camera(CameraMove.PanLeft)).At768p().Seconds5();
    private HttpClient _http = null!;
    private HailuoClient _client = null!;
    private IHandWrittenApiMart _handWritten = null!;
    private IApiMartVideoApi _generated = null!;

    /// <summary>Builds the client (and its pipelines) once, as an application would.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new CannedApiMart()) { BaseAddress = new Uri("https://api.apimart.ai/") };
        _client = new HailuoClient(HailuoClientOptions.ApiMart("sk-benchmark"), _http);
        _handWritten = Refit.RestService.ForGenerated<IHandWrittenApiMart>(_http, HailuoRefit.CreateSettings());
        _generated = Refit.RestService.ForGenerated<IApiMartVideoApi>(_http, HailuoRefit.CreateSettings());
    }

    /// <summary>Raw HttpClient + System.Text.Json: serialize, POST, read the id, GET, read the status and URL. No validation, no retries.</summary>
    [Benchmark(Baseline = true)]
    public async Task<string?> RawHttpClient()
    {
        var body = _request.ToRequest();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/v1/videos/generations")
        {
            Content = JsonContent.Create(body, RawJsonContext.Default.VideoGenerationRequest),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-benchmark");
        using var submitted = await _http.SendAsync(post);
        var answer = await submitted.Content.ReadFromJsonAsync(RawJsonContext.Default.RawSubmitAnswer);
        var taskId = answer!.Data![0].TaskId!;

        using var get = new HttpRequestMessage(HttpMethod.Get, "/v1/tasks/" + taskId);
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-benchmark");
        using var polled = await _http.SendAsync(get);
        var status = await polled.Content.ReadFromJsonAsync(RawJsonContext.Default.RawStatusAnswer);
        return status!.Data!.Result!.Videos![0].Url![0];
    }

    /// <summary>The same two calls through a hand-written Refit interface, implemented by Refit's own generator.</summary>
    [Benchmark]
    public async Task<string?> RefitOwnGenerator()
    {
        using var submitted = await _handWritten.SubmitAsync(_request.ToRequest(), "sk-benchmark");
        using var polled = await _handWritten.GetTaskAsync(submitted.Content!.Data![0].TaskId!, "sk-benchmark");
        return polled.Content!.Data!.Result!.Videos![0].Url![0];
    }

    /// <summary>The same two calls through the interface our generator emits from the spec, with its implementation.</summary>
    [Benchmark]
    public async Task<string?> RefitSpecGenerated()
    {
        using var submitted = await _generated.SubmitAsync(_request.ToRequest(), "sk-benchmark");
        using var polled = await _generated.GetTaskAsync(submitted.Content!.Data![0].TaskId!, "sk-benchmark");
        return polled.Content!.Data!.Result!.Videos![0].Url![0];
    }

    /// <summary>HailuoClient: validation, cost estimate, usage, Polly pipelines, error checks, normalised status.</summary>
    [Benchmark]
    public async Task<Uri?> HailuoClientSubmitAndGetTask()
    {
        var task = await _client.SubmitAsync(_request);
        var polled = await _client.GetTaskAsync(task.Id);
        return polled.VideoUrl;
    }

    /// <summary>Releases the clients.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _client?.Dispose();
        _http?.Dispose();
        GC.SuppressFinalize(this);
    }
}
