using System.Text;
using Hailuo.MockServer.Wire;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Hailuo.MockServer.Server;

/// <summary>Between WireMock.Net's request and response messages and the engine's host-independent ones.</summary>
internal static class WireMockMessages
{
    public static WireRequest ToWire(IRequestMessage message, EndpointRoute line, Uri? publicBaseUrl)
    {
        var query = message.RawQuery is { Length: > 0 } raw ? (raw[0] == '?' ? raw : "?" + raw) : string.Empty;
        var baseUrl = (publicBaseUrl ?? new Uri(message.Url)).GetLeftPart(UriPartial.Authority);
        return new WireRequest(message.Method.ToUpperInvariant(), message.Path, query, line.Values(message.Path, query), Header(message, "Authorization"), message.Body ?? string.Empty, baseUrl, Header(message, "Range"));
    }

    /// <summary>A request header by name, ignoring case as HTTP does.</summary>
    private static string? Header(IRequestMessage message, string name) =>
        message.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

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
            ["Date"] = new(now.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
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
