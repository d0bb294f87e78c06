using System.Net.Http.Headers;
using Hailuo.MockServer;

namespace Hailuo.Contracts.ContractTests.Infrastructure;

/// <summary>What went over the wire, as the client sent it; the key is noted as present, never kept.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="PathAndQuery">Path and query.</param>
/// <param name="Body">The body as text, or empty.</param>
/// <param name="HasAuthorization">Whether an Authorization header was sent.</param>
/// <param name="At">When it was sent, on the virtual clock.</param>
/// <param name="Status">The answer's status, or 0 when the request failed.</param>
internal sealed record WireRequest(string Method, string PathAndQuery, string Body, bool HasAuthorization, DateTimeOffset At, int Status);

/// <summary>The client's outermost handler in tests: records each request and tells the virtual clock what is in flight.</summary>
internal sealed class WireRecorder : DelegatingHandler
{
    private readonly VirtualClockDriver _clock;
    private readonly List<WireRequest> _requests = new();

    public WireRecorder(VirtualClockDriver clock, HttpMessageHandler inner)
        : base(inner)
    {
        _clock = clock;
    }

    public IReadOnlyList<WireRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Requests whose path starts with the prefix.</summary>
    public IReadOnlyList<WireRequest> To(string pathPrefix) => Requests.Where(r => r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal)).ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var at = _clock.GetUtcNow();
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var hasKey = request.Headers.Authorization is AuthenticationHeaderValue;
        using var inFlight = _clock.Requests.Enter();
        var status = 0;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            return response;
        }
        finally
        {
            lock (_requests)
            {
                _requests.Add(new WireRequest(request.Method.Method, request.RequestUri!.PathAndQuery, body, hasKey, at, status));
            }
        }
    }
}
