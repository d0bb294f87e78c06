using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>Scrubs a WireMock.Net mapping of its secrets, or finds those it still holds, by <see cref="SecretRules"/>.</summary>
public static class MappingSecrets
{
    /// <summary>Removes credential headers, blanks key and signature parameters, and replaces secrets inside every text.</summary>
    public static void Scrub(JsonObject mapping, string? knownKey = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        Visit(mapping, knownKey, (_, _) => { });
    }

    /// <summary>Where the mapping still holds a secret, as (JSON path, what it is); empty when it holds none.</summary>
    public static IReadOnlyList<(string Path, string Why)> Find(JsonObject mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var found = new List<(string, string)>();
        Visit((JsonObject)mapping.DeepClone(), null, (path, why) => found.Add((path, why)));
        return found;
    }

    private static void Visit(JsonObject mapping, string? knownKey, Action<string, string> found)
    {
        if (mapping["Request"] is JsonObject request)
        {
            if (request["Headers"] is JsonArray headers)
            {
                foreach (var header in headers.OfType<JsonObject>().Where(h => AnswerText.Of(h["Name"]) is { } name && SecretRules.IsCredentialHeader(name)).ToArray())
                {
                    found($"Request.Headers[{header["Name"]}]", "a credential header");
                    headers.Remove(header);
                }
            }

            if (request["Params"] is JsonArray parameters)
            {
                foreach (var parameter in parameters.OfType<JsonObject>().Where(p => AnswerText.Of(p["Name"]) is { } name && SecretRules.IsSecretParameter(name)))
                {
                    BlankPatterns(parameter, $"Request.Params[{parameter["Name"]}]", found);
                }
            }
        }

        if (mapping["Response"] is JsonObject { } response && response["Headers"] is JsonObject answerHeaders)
        {
            foreach (var name in answerHeaders.Select(h => h.Key).Where(SecretRules.IsCredentialHeader).ToArray())
            {
                found($"Response.Headers[{name}]", "a credential header");
                answerHeaders.Remove(name);
            }
        }

        CleanTexts(mapping, string.Empty, knownKey, found);
    }

    private static void BlankPatterns(JsonObject parameter, string path, Action<string, string> found)
    {
        foreach (var matcher in (parameter["Matchers"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            if (matcher["Pattern"] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() != SecretRules.Scrubbed)
            {
                found(path, "a key or signature parameter");
                matcher["Pattern"] = SecretRules.Scrubbed;
            }

            if (matcher["Patterns"] is JsonArray patterns && patterns.Any(p => p?.GetValueKind() == JsonValueKind.String && p.GetValue<string>() != SecretRules.Scrubbed))
            {
                found(path, "a key or signature parameter");
                matcher["Patterns"] = new JsonArray(patterns.Select(_ => (JsonNode?)SecretRules.Scrubbed).ToArray());
            }
        }
    }

    private static void CleanTexts(JsonNode? node, string path, string? knownKey, Action<string, string> found)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (name, child) in json.ToArray())
                {
                    if (CleanText(child, knownKey, Join(path, name), found) is { } cleaned)
                    {
                        json[name] = cleaned;
                    }
                    else
                    {
                        CleanTexts(child, Join(path, name), knownKey, found);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var itemPath = $"{path}[{i}]";
                    if (CleanText(array[i], knownKey, itemPath, found) is { } cleaned)
                    {
                        array[i] = cleaned;
                    }
                    else
                    {
                        CleanTexts(array[i], itemPath, knownKey, found);
                    }
                }

                break;
        }
    }

    private static string? CleanText(JsonNode? node, string? knownKey, string path, Action<string, string> found)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var (text, why) = SecretRules.Clean(value.GetValue<string>(), knownKey);
        if (why is null)
        {
            return null;
        }

        found(path, why);
        return text;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
