using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>
/// The marks `contract record` puts on each WireMock.Net mapping it saves, under <c>Data.hailuoContract</c>: which provider,
/// which probe, which key (as a word). A mapping without them is not a recording this tool made or can replay.
/// </summary>
public static class ContractRecording
{
    /// <summary>The member of a mapping's Data that marks it as a contract recording.</summary>
    public const string Marker = "hailuoContract";

    /// <summary>Answer headers a recording drops: they belong to whichever server answered, and would make every snapshot differ.</summary>
    private static readonly string[] ServerHeaders = { "Date", "Server", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Vary" };

    /// <summary>Marks a mapping saved for a probe: title, a stable Guid, the marker; and drops what changes on every run.</summary>
    public static void Mark(JsonObject mapping, string providerName, ContractProbe probe)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(probe);
        mapping["Guid"] = StableGuid(providerName + "/" + probe.Name).ToString();
        mapping["Title"] = $"{probe.Name}: {probe.Method} {probe.PathAndQuery}";
        mapping.Remove("Description");
        mapping.Remove("UpdatedAt");
        if (mapping["Response"]?["Headers"] is JsonObject headers)
        {
            foreach (var name in headers.Select(h => h.Key).Where(n => ServerHeaders.Contains(n, StringComparer.OrdinalIgnoreCase)).ToArray())
            {
                headers.Remove(name);
            }
        }

        mapping["Data"] = new JsonObject
        {
            [Marker] = new JsonObject
            {
                ["provider"] = providerName,
                ["probe"] = probe.Name,
                ["key"] = probe.Key == ProbeKey.Wrong ? "wrong" : "account",
            },
        };
    }

    /// <summary>The mapping's Data.hailuoContract, or null when it is not a contract recording.</summary>
    public static JsonObject? MarkOf(JsonObject mapping) =>
        mapping?["Data"] is JsonObject data && data[Marker] is JsonObject mark ? mark : null;

    /// <summary>A Guid from a name, so recording again overwrites a mapping instead of adding one beside it.</summary>
    public static Guid StableGuid(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("hailuo-contract/" + name));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>Reads one recording; throws <see cref="ContractInputException"/> naming the file and what is missing.</summary>
    public static RecordedExchange Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonObject mapping;
        try
        {
            mapping = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new ContractInputException($"{path}: not a WireMock.Net mapping (the file is JSON but not an object).");
        }
        catch (JsonException e)
        {
            throw new ContractInputException($"{path}: not a WireMock.Net mapping (not JSON: {e.Message})");
        }

        var mark = MarkOf(mapping)
            ?? throw new ContractInputException($"{path}: not a contract recording (no Data.{Marker}); make recordings with `hailuo contract record`.");
        var request = mapping["Request"] as JsonObject ?? throw new ContractInputException($"{path}: a contract recording needs a Request object.");
        var response = mapping["Response"] as JsonObject ?? throw new ContractInputException($"{path}: a contract recording needs a Response object.");
        var method = AnswerText.Of((request["Methods"] as JsonArray)?.FirstOrDefault())
            ?? throw new ContractInputException($"{path}: Request.Methods is missing; a recording names its HTTP method.");
        var requestPath = Pattern(request["Path"]) ?? throw new ContractInputException($"{path}: Request.Path is missing; a recording names its path.");
        var status = response["StatusCode"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<int>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.String && int.TryParse(v.GetValue<string>(), out var s) => s,
            _ => throw new ContractInputException($"{path}: Response.StatusCode is missing; a recording keeps the HTTP status."),
        };
        var key = AnswerText.Of(mark["key"]) switch
        {
            "wrong" => ProbeKey.Wrong,
            "account" or null => ProbeKey.Account,
            var other => throw new ContractInputException($"{path}: Data.{Marker}.key is '{other}'; allowed: account, wrong."),
        };
        var probe = new ContractProbe(AnswerText.Of(mark["probe"]) ?? Path.GetFileNameWithoutExtension(path), method, requestPath + Query(request), Body(request), key);
        var answer = new RecordedAnswerShape(status, Headers(response), AnswerBody(response));
        return new RecordedExchange(Path.GetFileNameWithoutExtension(path), AnswerText.Of(mark["provider"]), probe, answer);
    }

    private static string? Pattern(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonObject o => (o["Matchers"] as JsonArray)?.OfType<JsonObject>().Select(m => m["Pattern"]).FirstOrDefault() switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => null,
        },
        _ => null,
    };

    private static string Query(JsonObject request)
    {
        var parameters = (request["Params"] as JsonArray ?? new JsonArray()).OfType<JsonObject>()
            .Select(p => (Name: AnswerText.Of(p["Name"]), Value: Pattern(p)))
            .Where(p => p.Name is not null)
            .Select(p => Uri.EscapeDataString(p.Name!) + "=" + Uri.EscapeDataString(p.Value ?? string.Empty))
            .ToArray();
        return parameters.Length == 0 ? string.Empty : "?" + string.Join("&", parameters);
    }

    private static string? Body(JsonObject request) => request["Body"]?["Matcher"]?["Pattern"] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var json => json.ToJsonString(),
    };

    /// <summary>Null when the recording keeps no headers at all (a documented example that shows none), so none are compared.</summary>
    private static Dictionary<string, string>? Headers(JsonObject response) => response["Headers"] is JsonObject headers
        ? headers.ToDictionary(
            h => h.Key,
            h => h.Value is JsonArray values ? string.Join(", ", values.Select(v => v?.ToString())) : h.Value?.ToString() ?? string.Empty,
            StringComparer.OrdinalIgnoreCase)
        : null;

    private static JsonNode? AnswerBody(JsonObject response)
    {
        if (response["BodyAsJson"] is { } json)
        {
            return json.DeepClone();
        }

        if (response["Body"] is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                return JsonNode.Parse(text.GetValue<string>());
            }
            catch (JsonException)
            {
                return JsonValue.Create(text.GetValue<string>());
            }
        }

        return null;
    }
}
