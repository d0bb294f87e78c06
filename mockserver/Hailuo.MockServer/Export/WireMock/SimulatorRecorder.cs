using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Hailuo.MockServer.WireMock;

/// <summary>
/// Drives a simulator on its virtual clock and keeps its answers, so every exported stub says exactly what the simulator
/// says. The simulator writes the export's base URL into download URLs, so they point where WireMock runs.
/// </summary>
internal sealed class SimulatorRecorder : IAsyncDisposable
{
    /// <summary>The key the recordings are made with; stubs match any key (or the one the options name), never this one.</summary>
    public const string RecordingKey = "sk-wiremock-export";

    private readonly HailuoSimulator _simulator;
    private readonly HttpClient _http;

    private SimulatorRecorder(HailuoSimulator simulator, Uri baseUrl)
    {
        _simulator = simulator;
        _http = new HttpClient(new ToSimulator(simulator), disposeHandler: true) { BaseAddress = baseUrl };
    }

    public SimulatorAdmin Admin => _simulator.Admin;

    public SimulatorOptions Options { get; private init; } = new();

    public static SimulatorRecorder Start(Uri baseUrl, SimulatorOptions options)
    {
        options.PublicBaseUrl = baseUrl;
        return new(HailuoSimulator.StartInMemory(options), baseUrl) { Options = options };
    }

    /// <summary>Moves the simulator's clock to an offset from its start.</summary>
    public void AdvanceTo(TimeSpan sinceStart)
    {
        var by = HailuoSimulator.ClockStart + sinceStart - _simulator.Clock.GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            _simulator.Clock.Advance(by);
        }
    }

    public void Advance(TimeSpan by) => _simulator.Clock.Advance(by);

    public Task<RecordedAnswer> GetAsync(string pathAndQuery, bool withKey = true, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, pathAndQuery, null, withKey, cancellationToken);

    public Task<RecordedAnswer> PostAsync(string path, JsonObject body, bool withKey = true, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, path, body.ToJsonString(), withKey, cancellationToken);

    public async Task<RecordedAnswer> SendAsync(HttpMethod method, string pathAndQuery, string? body, bool withKey, CancellationToken cancellationToken)
    {
        // A download URL is absolute (it names the export's base URL); API paths are relative to it.
        using var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.RelativeOrAbsolute));
        if (withKey)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RecordingKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = RecordedAnswer.KeptHeaders
            .Select(name => (name, value: response.Headers.TryGetValues(name, out var a) ? a : response.Content.Headers.TryGetValues(name, out var b) ? b : null))
            .Where(h => h.value is not null)
            .Select(h => new KeyValuePair<string, string>(h.name, string.Join(", ", h.value!)))
            .ToArray();
        var isJson = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        return isJson
            ? new RecordedAnswer((int)response.StatusCode, headers, JsonNode.Parse(bytes), null)
            : new RecordedAnswer((int)response.StatusCode, headers, null, bytes);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Sends what is addressed to the export's base URL to the simulator's loopback port.</summary>
    private sealed class ToSimulator(HailuoSimulator simulator) : DelegatingHandler(simulator.CreateHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(simulator.BaseAddress, request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
