using System.Text.Json;
using System.Text.Json.Nodes;
using Hailuo.Contracts;

namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>
/// Compares two answers by shape: HTTP status, the headers clients read, JSON field names and types, and the values of
/// status words and error codes. Every other value (ids, times, URLs, messages) may differ.
/// </summary>
public static class ShapeComparison
{
    /// <summary>Headers whose presence clients act on: Retry-After, and the request ids they quote to support.</summary>
    public static readonly IReadOnlyList<string> ClientHeaders = new[] { "Retry-After", "Trace-Id", "X-Request-Id", "Request-Id", "X-Trace-Id" };

    /// <summary>Fields whose values are words of the contract (status words, error codes and types), compared as values.</summary>
    public static readonly IReadOnlyList<string> WordFields = new[] { "status", "status_code", "code", "type" };

    private const string Absent = "absent";

    /// <summary>The drifts of <paramref name="simulator"/> from <paramref name="recorded"/>; empty when they have the same shape.</summary>
    public static IReadOnlyList<ContractDrift> Compare(string exchange, RecordedAnswerShape recorded, RecordedAnswerShape simulator, DialectInfo dialect)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(dialect);
        var drifts = new List<ContractDrift>();
        if (recorded.Status != simulator.Status)
        {
            drifts.Add(new(exchange, "HTTP status", recorded.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), simulator.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (recorded.Headers is { } headers)
        {
            CompareHeaders(exchange, headers, simulator.Headers ?? new Dictionary<string, string>(), drifts);
        }

        CompareNode(exchange, "body", recorded.Body, simulator.Body, dialect, drifts);
        return drifts;
    }

    private static void CompareHeaders(string exchange, IReadOnlyDictionary<string, string> recorded, IReadOnlyDictionary<string, string> simulator, List<ContractDrift> drifts)
    {
        var recordedType = MediaType(recorded);
        var simulatorType = MediaType(simulator);
        if (!string.Equals(recordedType, simulatorType, StringComparison.OrdinalIgnoreCase))
        {
            drifts.Add(new(exchange, "header Content-Type", recordedType ?? Absent, simulatorType ?? Absent));
        }

        foreach (var name in ClientHeaders)
        {
            var inRecording = recorded.ContainsKey(name);
            if (inRecording != simulator.ContainsKey(name))
            {
                drifts.Add(new(exchange, "header " + name, inRecording ? "present" : Absent, inRecording ? Absent : "present"));
            }
        }
    }

    private static string? MediaType(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("Content-Type", out var value) ? value.Split(';')[0].Trim() : null;

    private static void CompareNode(string exchange, string path, JsonNode? recorded, JsonNode? simulator, DialectInfo dialect, List<ContractDrift> drifts)
    {
        var recordedKind = Kind(recorded);
        var simulatorKind = Kind(simulator);
        if (recordedKind != simulatorKind)
        {
            drifts.Add(new(exchange, path, recordedKind, simulatorKind));
            return;
        }

        switch (recorded)
        {
            case JsonObject recordedObject:
                CompareObject(exchange, path, recordedObject, (JsonObject)simulator!, dialect, drifts);
                break;
            case JsonArray recordedArray when recordedArray.Count > 0 && simulator is JsonArray { Count: > 0 } simulatorArray:
                // Items of one array share a shape: the first stands for all.
                CompareNode(exchange, path + "[]", recordedArray[0], simulatorArray[0], dialect, drifts);
                break;
        }
    }

    private static void CompareObject(string exchange, string path, JsonObject recorded, JsonObject simulator, DialectInfo dialect, List<ContractDrift> drifts)
    {
        var gone = recorded.Select(m => m.Key).Where(k => !simulator.ContainsKey(k)).ToArray();
        var added = simulator.Select(m => m.Key).Where(k => !recorded.ContainsKey(k)).ToArray();
        if (gone.Length == 1 && added.Length == 1 && Kind(recorded[gone[0]]) == Kind(simulator[added[0]]))
        {
            // One field out, one of the same type in: a rename, reported once.
            drifts.Add(new(exchange, $"{path}.{gone[0]}", $"field '{gone[0]}' ({Kind(recorded[gone[0]])})", $"sends '{added[0]}' instead"));
        }
        else
        {
            drifts.AddRange(gone.Select(k => new ContractDrift(exchange, $"{path}.{k}", $"field '{k}' ({Kind(recorded[k])})", "has no such field")));
            drifts.AddRange(added.Select(k => new ContractDrift(exchange, $"{path}.{k}", "has no such field", $"field '{k}' ({Kind(simulator[k])})")));
        }

        foreach (var (name, value) in recorded)
        {
            if (!simulator.TryGetPropertyValue(name, out var other))
            {
                continue;
            }

            var fieldPath = $"{path}.{name}";
            if (WordFields.Contains(name, StringComparer.Ordinal) && value is JsonValue && other is JsonValue && Kind(value) == Kind(other) && value.ToJsonString() != other.ToJsonString())
            {
                drifts.Add(new(exchange, fieldPath, Word(name, value, dialect), Word(name, other, dialect)));
                continue;
            }

            CompareNode(exchange, fieldPath, value, other, dialect, drifts);
        }
    }

    private static string Word(string name, JsonNode value, DialectInfo dialect)
    {
        if (name == "status" && value.GetValueKind() == JsonValueKind.String)
        {
            var word = value.GetValue<string>();
            return dialect.StatusMeaning(word) is { } meaning
                ? $"status word '{word}' ({meaning})"
                : $"status word '{word}' (not in the spec's {dialect.Dialect} status words: {string.Join(", ", dialect.StatusWords.Keys)})";
        }

        return $"{name} {value.ToJsonString()}";
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
    };
}
