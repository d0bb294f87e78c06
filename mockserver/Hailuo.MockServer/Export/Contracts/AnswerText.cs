using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>Finds a member of an answer by name wherever it sits, so a probe reads both dialects and shapes yet to come.</summary>
internal static class AnswerText
{
    /// <summary>The node's text when it is a JSON string, else null (a hand-edited file may hold any type anywhere).</summary>
    public static string? Of(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The first string or number member called <paramref name="name"/>, depth first, as text; null when there is none.</summary>
    public static string? Find(JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonObject json:
                if (json[name] is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
                {
                    return value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                }

                return json.Select(m => Find(m.Value, name)).FirstOrDefault(found => found is not null);
            case JsonArray array:
                return array.Select(item => Find(item, name)).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
    }
}
