using Hailuo.Contracts;

namespace Hailuo.MockServer.Wire;

/// <summary>What the engine learns about one request while handling it, for the journal.</summary>
internal sealed class WireExchange(WireRoute route, WireRequest request)
{
    public WireRoute Route { get; } = route;

    public WireRequest Request { get; } = request;

    /// <summary>A hash of the bearer key: tasks belong to it, and it is safe to keep.</summary>
    public string Owner { get; set; } = string.Empty;

    /// <summary>The task the request created or asked about, once known.</summary>
    public string? TaskId { get; set; }

    public FaultKind? Fault { get; set; }

    /// <summary>The X-Request-Id the answer carries.</summary>
    public string RequestId { get; init; } = string.Empty;

    public WireDialect Dialect => Route.Dialect ?? WireDialect.ApiMart;
}

/// <summary>Which endpoint and dialect a mapping serves.</summary>
internal readonly record struct WireRoute(SimulatorEndpoint Endpoint, WireDialect? Dialect);
