using System.Net;
using Hailuo.Contracts;
using Hailuo.MockServer.Server;
using WireMock.ResponseBuilders;

namespace Hailuo.MockServer.Tests;

/// <summary>Users' stubs match the spec's endpoint lines as the engine's mappings do.</summary>
public sealed class HailuoRequestTests
{
    [Fact]
    public async Task A_stub_on_a_spec_endpoint_line_answers_for_that_endpoint_only()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        sim.Server.Given(HailuoRequest.For(HailuoSpec.ApiMartDialect.Status)).AtPriority(1).RespondWith(Response.Create().WithStatusCode(503));
        using var http = sim.CreateClient();

        using var status = await http.GetAsync("v1/tasks/task_42");
        using var deeper = await http.GetAsync("v1/tasks/task_42/more");
        using var posted = await http.PostAsync("v1/tasks/task_42", null);

        Assert.Equal(
            (HttpStatusCode.ServiceUnavailable, false, false),
            (status.StatusCode, deeper.StatusCode == HttpStatusCode.ServiceUnavailable, posted.StatusCode == HttpStatusCode.ServiceUnavailable));
    }
}
