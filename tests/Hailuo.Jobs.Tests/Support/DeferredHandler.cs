namespace Hailuo.Jobs.Tests.Support;

/// <summary>A handler made on first use: the simulator's callback client is given before the clock that tracks it exists.</summary>
internal sealed class DeferredHandler(Func<HttpMessageHandler> create) : DelegatingHandler
{
    private HttpMessageInvoker? _inner;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        (_inner ??= new HttpMessageInvoker(create())).SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        _inner?.Dispose();
        base.Dispose(disposing);
    }
}
