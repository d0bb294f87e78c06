using Hailuo.Contracts.Resilience;
using Polly;

namespace Hailuo.Contracts.Transport;

/// <summary>Sends one API call through a pipeline (retries, Polly's attempt timeout) to the provider's generated adapter, on the caller's HttpClient: the key in the header only.</summary>
internal sealed class HttpTransport
{
    private readonly Func<HttpClient> _clients;
    private readonly ProviderApi _api;
    private readonly Uri _baseAddress;
    private readonly string _apiKey;
    private readonly TimeProvider _clock;
    private readonly string _provider;

    public HttpTransport(Func<HttpClient> clients, Uri baseAddress, string apiKey, TimeProvider clock, ProviderInfo provider)
    {
        _api = provider.Api ?? throw new ArgumentException($"Provider '{provider.Name}' has no generated API: build it from a spec file, whose catalog hands one.", nameof(provider));
        _clients = clients;
        _baseAddress = baseAddress;
        _apiKey = apiKey;
        _clock = clock;
        _provider = provider.Name;
    }

    public ProviderApi Api => _api;

    /// <summary>Runs one call of the adapter through the pipeline; the call gets the HttpClient, the base address and the key.</summary>
    public async ValueTask<WireResponse> SendAsync<TArg>(
        ResiliencePipeline<WireResponse> pipeline, string operation, TArg argument, Func<CallTarget, TArg, CancellationToken, ValueTask<WireResponse>> call, CancellationToken cancellationToken)
    {
        // The operation travels as the context's operation key, which the retry callback reads for logs and metrics.
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            var state = (Transport: this, Operation: operation, Argument: argument, Call: call);
            return await pipeline.ExecuteAsync(static (ctx, s) => s.Transport.SendOnceAsync(s.Operation, s.Argument, s.Call, ctx.CancellationToken), context, state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>GET a download URL without the API key (it may live on another host), answering once headers arrive within the attempt timeout.</summary>
    public async Task<HttpResponseMessage> GetVideoAsync(ResiliencePipeline attemptTimeout, Uri url, CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        var response = await attemptTimeout.ExecuteAsync(
            static async (s, ct) =>
            {
                // The MP4 stream is the one request built here: it carries no key and is read as a stream.
                using var request = new HttpRequestMessage(HttpMethod.Get, s.Url);
                try
                {
                    return await s.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
                {
                    throw Reset(e);
                }
            },
            (Client: _clients(), Url: url),
            cancellationToken).ConfigureAwait(false);
        RecordDuration(started, "download", (int)response.StatusCode);
        return response;
    }

    private async ValueTask<WireResponse> SendOnceAsync<TArg>(string operation, TArg argument, Func<CallTarget, TArg, CancellationToken, ValueTask<WireResponse>> call, CancellationToken cancellationToken)
    {
        // The clock is read only for a listening meter: a read costs as much as a check of the rule core.
        long? started = HailuoTelemetry.Duration.Enabled ? _clock.GetTimestamp() : null;
        try
        {
            var response = await call(new CallTarget(_api, _clients(), _baseAddress, _apiKey, _clock), argument, cancellationToken).ConfigureAwait(false);
            if (started is { } timestamp)
            {
                RecordDuration(timestamp, operation, response.Status);
            }

            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Nobody cancelled (neither the caller nor Polly's attempt timeout): an aborted exchange, which an in-memory server reports so.
            throw Reset(e);
        }
    }

    /// <summary>A cancellation nobody asked for is the connection going away: a reset, not a timeout.</summary>
    private static IOException Reset(OperationCanceledException e) =>
        new("The connection was reset before the answer was complete (" + e.Message + ").", e);

    private void RecordDuration(long started, string operation, int status)
    {
        // Without a listener the tags (a boxed status) would be built for nothing.
        if (HailuoTelemetry.Duration.Enabled)
        {
            HailuoTelemetry.Duration.Record(
                _clock.GetElapsedTime(started).TotalSeconds,
                new("hailuo.provider", _provider),
                new("hailuo.operation", operation),
                new("http.response.status_code", status));
        }
    }
}

/// <summary>What one attempt calls: the provider's adapter, the HttpClient that carries the request, where, with which key.</summary>
internal readonly record struct CallTarget(ProviderApi Api, HttpClient Client, Uri BaseAddress, string ApiKey, TimeProvider Clock)
{
    public ValueTask<WireResponse> SubmitAsync(VideoGenerationRequest request, CancellationToken cancellationToken) =>
        Api.SubmitAsync(Client, BaseAddress, request, ApiKey, Clock, cancellationToken);

    public ValueTask<WireResponse> GetTaskAsync(string taskId, CancellationToken cancellationToken) =>
        Api.GetTaskAsync(Client, BaseAddress, taskId, ApiKey, Clock, cancellationToken);

    public ValueTask<WireResponse> RetrieveFileAsync(string fileId, CancellationToken cancellationToken) =>
        Api.RetrieveFileAsync(Client, BaseAddress, fileId, ApiKey, Clock, cancellationToken);
}
