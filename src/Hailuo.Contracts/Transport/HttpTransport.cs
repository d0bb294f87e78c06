using Hailuo.Contracts.Resilience;
using Polly;
using Refit;

namespace Hailuo.Contracts.Transport;

/// <summary>Sends one API call through a pipeline and the provider's generated Refit interface: the key in the header only, an attempt timeout on the client's clock.</summary>
internal sealed class HttpTransport : IDisposable
{
    private static readonly RefitSettings Settings = WithRawFailures(HailuoRefit.CreateSettings());

    private readonly Func<HttpClient> _clients;
    private readonly HttpClient? _owned;
    private readonly IDialectCalls _calls;
    private readonly string _apiKey;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _attemptTimeout;
    private readonly string _provider;

    public HttpTransport(Func<HttpClient> clients, HttpClient? fixedClient, Uri baseAddress, string apiKey, TimeProvider clock, TimeSpan attemptTimeout, ProviderInfo provider)
    {
        var api = provider.Api ?? throw new ArgumentException($"Provider '{provider.Name}' has no generated API: build it from a spec file, whose catalog hands one.", nameof(provider));
        _clients = clients;
        _apiKey = apiKey;
        _clock = clock;
        _attemptTimeout = attemptTimeout;
        _provider = provider.Name;

        // Refit resolves paths against BaseAddress: a client already there is used as it is; otherwise every request is handed on to the caller's (or the factory's) client.
        _owned = fixedClient?.BaseAddress == baseAddress ? null : new HttpClient(new ForwardingHandler(clients)) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _calls = api.Create(_owned ?? fixedClient!, Settings, clock);
    }

    public async Task<WireResponse> SendAsync(
        ResiliencePipeline<WireResponse> pipeline, string operation, Func<IDialectCalls, string, CancellationToken, Task<WireResponse>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        context.Properties.Set(HailuoPipelines.Operation, operation);
        try
        {
            var state = (Transport: this, Operation: operation, Call: call);
            return await pipeline.ExecuteAsync(static (ctx, s) => s.Transport.SendOnceAsync(s.Operation, s.Call, ctx.CancellationToken), context, state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>GET a download URL without the API key (it may live on another host), answering once headers arrive.</summary>
    public async Task<HttpResponseMessage> GetVideoAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_attemptTimeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var started = _clock.GetTimestamp();
        try
        {
            var response = await _clients().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            RecordDuration(started, "download", (int)response.StatusCode);
            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw timeout.IsCancellationRequested ? new AttemptTimedOutException($"The download did not start within {_attemptTimeout}.", e) : Reset(e);
        }
    }

    public void Dispose() => _owned?.Dispose();

    private async ValueTask<WireResponse> SendOnceAsync(string operation, Func<IDialectCalls, string, CancellationToken, Task<WireResponse>> call, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_attemptTimeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = _clock.GetTimestamp();
        try
        {
            var response = await call(_calls, _apiKey, linked.Token).ConfigureAwait(false);
            RecordDuration(started, operation, response.Status);
            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Our attempt timeout, or an aborted exchange (an in-memory server reports a reset so): transient failures, not cancellations.
            throw timeout.IsCancellationRequested ? new AttemptTimedOutException($"{operation} on {_provider} took longer than {_attemptTimeout}.", e) : Reset(e);
        }
    }

    /// <summary>Our pipelines decide on the raw failure (reset, refused, timeout), so Refit hands it back unwrapped.</summary>
    private static RefitSettings WithRawFailures(RefitSettings settings)
    {
        settings.TransportExceptionFactory = static (_, exception, _) => exception;
        return settings;
    }

    /// <summary>A cancellation nobody asked for is the connection going away: a reset, not a timeout.</summary>
    private static IOException Reset(OperationCanceledException e) =>
        new("The connection was reset before the answer was complete (" + e.Message + ").", e);

    private void RecordDuration(long started, string operation, int status) => HailuoTelemetry.Duration.Record(
        _clock.GetElapsedTime(started).TotalSeconds,
        new("hailuo.provider", _provider),
        new("hailuo.operation", operation),
        new("http.response.status_code", status));

    /// <summary>Hands each request to the caller's HttpClient (or a fresh one from the factory), so its handlers and lifetime rules apply.</summary>
    private sealed class ForwardingHandler(Func<HttpClient> clients) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // An HttpClient sends a message once: the next client gets a copy sharing the content, which Refit disposes with the original.
            var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content, Version = request.Version, VersionPolicy = request.VersionPolicy };
            foreach (var header in request.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            foreach (var option in request.Options)
            {
                ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
            }

            return SendCopyAsync(request, copy, cancellationToken);
        }

        private async Task<HttpResponseMessage> SendCopyAsync(HttpRequestMessage original, HttpRequestMessage copy, CancellationToken cancellationToken)
        {
            var response = await clients().SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

            // Refit reads the request from the answer; a test handler may leave it unset.
            response.RequestMessage = original;
            return response;
        }
    }
}
