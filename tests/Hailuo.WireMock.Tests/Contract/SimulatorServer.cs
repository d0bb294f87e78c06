using Hailuo.Contracts;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;

namespace Hailuo.WireMock.Tests.Contract;

/// <summary>The in-memory simulator, one per test, arranged so the client sees what WireMock's scenario plays.</summary>
internal sealed class SimulatorServer : IContractServer
{
    public async Task<ContractWorld> StartAsync(WireDialect dialect, ContractScenario scenario, Action<HailuoClientOptions>? client = null)
    {
        // Polls at 15, 30, 45 and 60 s see submitted, queued, processing, completed: one phase per poll.
        var options = new SimulatorOptions
        {
            AcceptedKeys = { SimWorld.Key },
            QueuedAfter = TimeSpan.FromSeconds(25),
            ProcessingAfter = TimeSpan.FromSeconds(40),
            CompletedAfter = TimeSpan.FromSeconds(55),
            RequestsPerMinute = scenario == ContractScenario.RateLimitedSubmit ? 1 : null,
        };
        var sim = HailuoSimulator.StartInMemory(options);
        if (scenario == ContractScenario.ServerErrorPoll)
        {
            sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Status500, 1));
        }

        if (scenario == ContractScenario.RateLimitedSubmit)
        {
            // Another request used up the minute 59 s ago, so the submit is refused with Retry-After: 1, as WireMock's stub says.
            using var http = new HttpClient(sim.CreateHandler()) { BaseAddress = sim.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new("Bearer", SimWorld.Key);
            using var used = await http.GetAsync("v1/tasks/task_unknown");
            sim.Clock.Advance(TimeSpan.FromSeconds(59));
        }

        return new ContractWorld(sim.Clock, sim.CreateHandler(), sim.BaseAddress, dialect, client, PassUrlLifetime, sim);

        Task PassUrlLifetime()
        {
            sim.Clock.Advance(options.UrlLifetime + TimeSpan.FromHours(1));
            return Task.CompletedTask;
        }
    }
}
