namespace Hailuo.MockServer;

/// <summary>A client's handler that counts its requests in flight, from before the connection is made until the answer's headers (or, when asked, its body) are in.</summary>
internal sealed class InFlightHandler(RequestsInFlight requests, HttpMessageHandler inner, bool untilBodyRead = false, Action? sending = null) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Told before the request counts, so a driver never sees the request in flight with its deadline still waiting for it.
        sending?.Invoke();
        using var _ = requests.Enter(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (untilBodyRead)
        {
            // The body is part of the request's work: buffered before the clock may move.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        return response;
    }
}
