using System.Globalization;
using Hailuo.MockServer.Server;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Hailuo.Jobs.Tests.Support;

/// <summary>A 429 storm written with WireMock.Net's own API: the next requests to an endpoint are refused, then the engine answers again.</summary>
internal static class RateLimitStorm
{
    /// <summary>Refuses the next <paramref name="count"/> requests to the spec's endpoint line (such as "GET /v1/tasks/{task_id}").</summary>
    public static void Script(WireMockServer server, string endpointLine, int count, TimeSpan retryAfter)
    {
        var scenario = "429 storm on " + endpointLine;
        for (var i = 0; i < count; i++)
        {
            var mapping = server.Given(HailuoRequest.For(endpointLine)).AtPriority(1).InScenario(scenario);
            mapping = i == 0 ? mapping : mapping.WhenStateIs(State(i));
            mapping.WillSetStateTo(State(i + 1)).RespondWith(Response.Create()
                .WithStatusCode(429)
                .WithHeader("Retry-After", ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture))
                .WithHeader("Content-Type", "application/json")
                .WithBody("""{"code":429,"error":{"message":"Scripted 429 storm.","type":"rate_limit_error"}}"""));
        }
    }

    /// <summary>The scenario's state once <paramref name="refused"/> requests were refused.</summary>
    public static string State(int refused) => "refused " + refused.ToString(CultureInfo.InvariantCulture);
}
