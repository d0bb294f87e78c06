using Hailuo.Contracts;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer.WireMock;

namespace Hailuo.WireMock.Tests.Contract;

/// <summary>What a shared test plays; each server is arranged for it (the simulator by options and faults, WireMock by the prompt's marker).</summary>
public enum ContractScenario
{
    Lifecycle,
    Failed,
    ContentPolicy,
    RateLimitedSubmit,
    ServerErrorPoll,
}

/// <summary>Starts a world of one dialect arranged for a scenario.</summary>
internal interface IContractServer
{
    Task<ContractWorld> StartAsync(WireDialect dialect, ContractScenario scenario, Action<HailuoClientOptions>? client = null);
}

internal static class ContractScenarios
{
    /// <summary>The prompt word that picks the scenario: the simulator's own markers, or the export's (which the simulator ignores).</summary>
    public static string? Marker(ContractScenario scenario) => scenario switch
    {
        ContractScenario.Failed => "#sim-fail",
        ContractScenario.ContentPolicy => "#sim-content-policy",
        ContractScenario.RateLimitedSubmit => WireMockPromptMarkers.RateLimit,
        ContractScenario.ServerErrorPoll => WireMockPromptMarkers.ServerError,
        _ => null,
    };

    /// <summary>A short valid request of the dialect whose prompt carries the scenario's marker.</summary>
    public static TypedVideoRequest Request(WireDialect dialect, ContractScenario scenario) =>
        Samples.Quick(dialect, ("A cute cat running on the grass " + Marker(scenario)).TrimEnd());
}
