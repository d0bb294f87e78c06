using System.Net.Http.Headers;

namespace Hailuo.Contracts.Transport;

/// <summary>Finds the service's request id among the headers gateways commonly use.</summary>
internal static class RequestIds
{
    private static readonly string[] Names = { "X-Request-Id", "Request-Id", "Trace-Id", "X-Trace-Id", "X-Amzn-Trace-Id" };

    /// <summary>The value of the first of <see cref="Names"/> the answer carries, or null.</summary>
    /// <remarks>One pass over the headers as received: asking for each name in turn parsed every name, answer or not.</remarks>
    public static string? Read(HttpResponseHeaders headers)
    {
        string? found = null;
        var rank = Names.Length;
        foreach (var header in headers.NonValidated)
        {
            for (var i = 0; i < rank; i++)
            {
                if (string.Equals(header.Key, Names[i], StringComparison.OrdinalIgnoreCase))
                {
                    found = First(header.Value);
                    rank = i;
                    break;
                }
            }
        }

        return found;
    }

    private static string? First(HeaderStringValues values)
    {
        foreach (var value in values)
        {
            return value;
        }

        return null;
    }
}
