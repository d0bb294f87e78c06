using System.Net.Http.Headers;

namespace Hailuo.Contracts.Transport;

/// <summary>Finds the service's request id among the headers gateways commonly use.</summary>
internal static class RequestIds
{
    private static readonly string[] Names = { "X-Request-Id", "Request-Id", "Trace-Id", "X-Trace-Id", "X-Amzn-Trace-Id" };

    public static string? Read(HttpResponseHeaders headers)
    {
        foreach (var name in Names)
        {
            if (headers.TryGetValues(name, out var values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }
}
