using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hailuo.MockServer.Server;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Hailuo.MockServer.Tests.Support;

/// <summary>
/// A local WireMock.Net stand-in for the real API: it passes each request to a simulator and lets the test edit the
/// answer (status and JSON body), so it differs from the simulator in exactly the ways a test chooses.
/// </summary>
internal sealed class StandIn : IDisposable
{
    private static readonly string[] ServerHeaders = { "Date", "Server", "Content-Length", "Transfer-Encoding" };
    private readonly HttpClient _http;

    private StandIn(WireMockServer server, HttpClient http)
    {
        Server = server;
        _http = http;
    }

    /// <summary>Edits one answer: gets the request line and its bearer key, changes the body in place, returns the status to send.</summary>
    public delegate int Edit(string requestLine, string? bearerKey, int status, JsonNode? body);

    public WireMockServer Server { get; }

    public Uri BaseAddress => new(Server.Url!);

    public static StandIn Over(HailuoSimulator simulator, Edit edit)
    {
        var http = simulator.CreateClient();
        var server = WireMockServer.Start(HailuoServerSettings.Create(new SimulatorOptions()));
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(async message =>
        {
            var query = message.RawQuery is { Length: > 0 } raw ? (raw[0] == '?' ? raw : "?" + raw) : string.Empty;
            using var request = new HttpRequestMessage(new HttpMethod(message.Method), message.Path.TrimStart('/') + query);
            var authorization = message.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            if (message.Body is { } sent)
            {
                request.Content = new StringContent(sent, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            JsonNode? body = null;
            try
            {
                body = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
            }

            var status = edit($"{message.Method} {message.Path}{query}", authorization?.Replace("Bearer ", string.Empty, StringComparison.Ordinal), (int)response.StatusCode, body);
            var headers = response.Headers.Concat(response.Content.Headers)
                .Where(h => !ServerHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => new WireMockList<string>(h.Value.ToArray()), StringComparer.OrdinalIgnoreCase);
            return (IResponseMessage)new ResponseMessage
            {
                StatusCode = status,
                Headers = headers,
                BodyData = new BodyData { DetectedBodyType = BodyType.String, BodyAsString = body?.ToJsonString() ?? text, Encoding = Encoding.UTF8 },
            };
        }));
        return new StandIn(server, http);
    }

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        _http.Dispose();
    }
}
