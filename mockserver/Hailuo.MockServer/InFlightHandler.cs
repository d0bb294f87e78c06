namespace Hailuo.MockServer;

/// <summary>A client's handler that counts its requests in flight, from before the connection is made until the answer's headers are in.</summary>
internal sealed class InFlightHandler(RequestsInFlight requests, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var _ = requests.Enter();
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
