using System.Net;
using Hailuo.Contracts;
using Hailuo.MockServer.Server;
using Hailuo.MockServer.Tests.Support;
using WireMock.ResponseBuilders;

namespace Hailuo.MockServer.Tests;

/// <summary>A 429 storm scripted as a WireMock.Net scenario ends after its count, however many clients meet it at once.</summary>
public sealed class ScenarioStormTests
{
    private const int Clients = 32;
    private const int Refusals = 200;

    [Fact]
    public async Task A_storm_met_by_32_concurrent_clients_ends_after_its_count()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var setup = TestClient.For(sim);
        var taskId = await setup.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        sim.Server.Given(HailuoRequest.For(HailuoSpec.ApiMartDialect.Status)).AtPriority(1)
            .InScenario("storm").WillSetStateTo("passed", Refusals)
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody("""{"code":429,"error":{"message":"storm"}}"""));
        var refused = 0;

        // Each client polls until the engine answers; a storm stuck in its state would run every client out of attempts.
        async Task<HttpStatusCode> PollAsync()
        {
            using var client = TestClient.For(sim);
            for (var attempt = 0; attempt < Refusals * 2; attempt++)
            {
                using var response = await client.Http.GetAsync(TestClient.StatusPath(WireDialect.ApiMart, taskId));
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    return response.StatusCode;
                }

                Interlocked.Increment(ref refused);
            }

            return HttpStatusCode.TooManyRequests;
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(PollAsync))).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        Assert.Equal("passed", sim.Server.Scenarios.Single().NextState);
        Assert.InRange(refused, Refusals, Refusals + Clients - 1);
    }
}
