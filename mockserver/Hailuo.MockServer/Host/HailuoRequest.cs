using WireMock.RequestBuilders;

namespace Hailuo.MockServer.Server;

/// <summary>WireMock.Net request matchers for the spec's endpoint lines, so users' own stubs match what the engine's do.</summary>
public static class HailuoRequest
{
    /// <summary>
    /// Matches the method and path of an endpoint line as the spec writes it, such as
    /// <c>HailuoSpec.ApiMartDialect.Status</c> ("GET /v1/tasks/{task_id}"): each placeholder is one path segment.
    /// </summary>
    public static IRequestBuilder For(string endpointLine)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointLine);
        return EndpointRoute.Parse(endpointLine).Request();
    }
}
