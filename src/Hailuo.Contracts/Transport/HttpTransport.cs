using System.Net.Http.Headers;
using Hailuo.Contracts.Resilience;
using Polly;

namespace Hailuo.Contracts.Transport;

/// <summary>Sends one call through a pipeline: a fresh message per attempt, the key in the header only, an attempt timeout on the client's clock.</summary>
internal sealed class HttpTransport
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private readonly Func<HttpClient> _clients;
    private readonly string _baseAddress;
    private readonly string _apiKey;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _attemptTimeout;
    private readonly IWireDialect _dialect;
    private readonly string _provider;

    public HttpTransport(Func<HttpClient> clients, Uri baseAddress, string apiKey, TimeProvider clock, TimeSpan attemptTimeout, IWireDialect dialect, string provider)
    {
        _clients = clients;
        _baseAddress = baseAddress.ToString().TrimEnd('/');
        _apiKey = apiKey;
        _clock = clock;
        _attemptTimeout = attemptTimeout;
        _dialect = dialect;
        _provider = provider;
    }

    public async Task<WireResponse> SendAsync(
        ResiliencePipeline<WireResponse> pipeline, string operation, HttpMethod method, string pathAndQuery, byte[]? body, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        context.Properties.Set(HailuoPipelines.Operation, operation);
        try
        {
            var call = new Call(this, operation, method, new Uri(_baseAddress + pathAndQuery), body);
            return await pipeline.ExecuteAsync(static (ctx, call) => call.Transport.SendOnceAsync(call, ctx.CancellationToken), context, call).ConfigureAwait(false);
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
            throw new AttemptTimedOutException($"The download did not start within {_attemptTimeout}.", e);
        }
    }

    private async ValueTask<WireResponse> SendOnceAsync(Call call, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_attemptTimeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        request.Headers.Accept.Add(AcceptJson);
        if (call.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonType;
        }

        var started = _clock.GetTimestamp();
        try
        {
            using var response = await _clients().SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            RecordDuration(started, call.Operation, status);
            return new WireResponse(status, bytes, RetryAfterHeader.Read(response.Headers, _clock), RequestIds.Read(response.Headers), _dialect.ReadError(status, bytes));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Our attempt timeout or HttpClient.Timeout, not the caller: a transient failure, not a cancellation.
            throw new AttemptTimedOutException($"{call.Operation} on {_provider} took longer than {_attemptTimeout}.", e);
        }
    }

    private void RecordDuration(long started, string operation, int status) => HailuoTelemetry.Duration.Record(
        _clock.GetElapsedTime(started).TotalSeconds,
        new("hailuo.provider", _provider),
        new("hailuo.operation", operation),
        new("http.response.status_code", status));

    private sealed record Call(HttpTransport Transport, string Operation, HttpMethod Method, Uri Uri, byte[]? Body);
}
