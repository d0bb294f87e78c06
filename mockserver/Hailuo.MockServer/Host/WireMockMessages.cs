using System.Text;
using Hailuo.MockServer.Wire;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Hailuo.MockServer.Server;

/// <summary>Between WireMock.Net's request and response messages and the engine's host-independent ones.</summary>
internal static class WireMockMessages
{
    public static WireRequest ToWire(IRequestMessage message, EndpointRoute line, ServerAddress address)
    {
        var query = message.RawQuery is { Length: > 0 } raw ? (raw[0] == '?' ? raw : "?" + raw) : string.Empty;
        return new WireRequest(message.Method.ToUpperInvariant(), message.Path, query, line.Values(message.Path, query), Header(message, "Authorization"), message.Body ?? string.Empty, address.For(message.Url), Header(message, "Range"));
    }

    /// <summary>A request header by name, ignoring case as HTTP does.</summary>
    private static string? Header(IRequestMessage message, string name)
    {
        if (message.Headers is not { } headers)
        {
            return null;
        }

        // The name as clients write it is found without a scan; another spelling is looked for among all.
        if (headers.TryGetValue(name, out var exact))
        {
            return exact.Count > 0 ? exact[0] : null;
        }

        foreach (var (key, values) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return values.Count > 0 ? values[0] : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Status and headers are set here, never on the builder: a builder's WithStatusCode/WithHeader would override the
    /// callback's. The body is our own serialized text (WireMock's BodyAsJson would drop nulls and re-serialize).
    /// </summary>
    public static ResponseMessage ToResponse(WireAnswer answer, DateTimeOffset now)
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = new(answer.ContentType),

            // Kestrel would write the wall clock; the answer is dated on the simulator's clock.
            ["Date"] = new(DateHeader.For(now)),
        };
        foreach (var (name, value) in answer.Headers)
        {
            headers[name] = new WireMockList<string>(value);
        }

        var body = answer.Bytes is { } bytes
            ? new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = bytes }
            : new BodyData { DetectedBodyType = BodyType.String, BodyAsString = answer.Text ?? string.Empty, Encoding = Encoding.UTF8 };
        return new ResponseMessage { StatusCode = answer.Status, Headers = headers, BodyData = body };
    }
}
