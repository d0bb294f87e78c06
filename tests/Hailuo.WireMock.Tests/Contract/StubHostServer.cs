using Hailuo.Contracts;
using Hailuo.MockServer;
using Hailuo.MockServer.WireMock;
using Hailuo.WireMock.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Hailuo.WireMock.Tests.Contract;

/// <summary>A server playing the export (real WireMock, or real WireMock.Net); each test starts from every scenario reset.</summary>
internal sealed class StubHostServer(IStubHost wireMock) : IContractServer
{
    public async Task<ContractWorld> StartAsync(WireDialect dialect, ContractScenario scenario, Action<HailuoClientOptions>? client = null)
    {
        await wireMock.ResetAsync();
        var name = wireMock.Export.Scenario(dialect, ContractScenarios.Marker(scenario)).Name;

        // WireMock has no clock: the client's own waits still run on virtual time, so Retry-After and poll intervals cost nothing.
        return new ContractWorld(new FakeTimeProvider(HailuoSimulator.ClockStart), wireMock.CreateHandler(), wireMock.BaseAddress, dialect, client, () => wireMock.SetStateAsync(name, WireMockScenarioStates.Expired), null);
    }
}
