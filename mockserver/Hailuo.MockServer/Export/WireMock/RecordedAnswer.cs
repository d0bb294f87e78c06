using System.Text.Json.Nodes;

namespace Hailuo.MockServer.WireMock;

/// <summary>One answer exactly as the simulator gave it: status, the headers a stub must repeat, and a JSON or binary body.</summary>
internal sealed record RecordedAnswer(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, JsonNode? Json, byte[]? Bytes)
{
    /// <summary>Headers a stub repeats; the rest (Date, Server, Content-Length) belong to whichever server answers.</summary>
    public static readonly IReadOnlyList<string> KeptHeaders = new[] { "Content-Type", "Retry-After", "X-Request-Id", "Trace-Id" };

    /// <summary>A rate-limit refusal, as HTTP 429 or as MiniMax's code inside HTTP 200.</summary>
    public bool IsRateLimited => Status == 429
        || (Json?["base_resp"]?["status_code"] is JsonValue code && Contracts.ErrorMeanings.Is(code.ToJsonString(), Contracts.ErrorMeanings.RateLimited));

    /// <summary>The JSON body, which every answer but a video has.</summary>
    public JsonNode Body => Json ?? throw new InvalidOperationException($"The simulator answered HTTP {Status} without a JSON body.");

    /// <summary>A string member of the JSON body, found by a path of property names and array indexes.</summary>
    public string Text(params object[] path)
    {
        var node = Body;
        foreach (var step in path)
        {
            node = (step is int index ? node[index] : node[(string)step]) ?? throw new InvalidOperationException($"The simulator's answer has no '{string.Join('.', path)}': {Body.ToJsonString()}");
        }

        return node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
    }
}
