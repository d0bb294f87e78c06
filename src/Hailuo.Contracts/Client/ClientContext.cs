using Hailuo.Contracts.Resilience;
using Hailuo.Contracts.Transport;
using Microsoft.Extensions.Logging;

namespace Hailuo.Contracts.Client;

/// <summary>What the parts of one client share; immutable after construction, so the client is thread-safe.</summary>
internal sealed record ClientContext(
    ProviderInfo Provider,
    HttpTransport Transport,
    HailuoPipelines Pipelines,
    TimeProvider Clock,
    HailuoClientOptions Options,
    ILogger Logger,
    UsageTotals Usage);
