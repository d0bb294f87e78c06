using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hailuo.Contracts;

namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>`contract verify`: replays every recorded request against the embedded simulator and compares the answers by shape.</summary>
public static class ContractVerifier
{
    /// <summary>The one key the replaying simulator accepts; exchanges recorded with the wrong key are replayed with <see cref="ContractProbes.WrongKey"/>.</summary>
    public const string ReplayKey = "sk-contract-replay";

    /// <summary>Reads, checks and replays the recordings in <paramref name="folder"/>; throws <see cref="ContractInputException"/> naming the path or field when they cannot be replayed.</summary>
    /// <param name="folder">The folder `contract record` wrote.</param>
    /// <param name="providerName">The provider, when given; otherwise the one the recordings name.</param>
    /// <param name="cancellationToken">Stops the replay.</param>
    public static async Task<ContractReport> VerifyAsync(string folder, string? providerName = null, CancellationToken cancellationToken = default)
    {
        var exchanges = ReadFolder(folder);
        var provider = ProviderOf(folder, exchanges, providerName);
        var dialect = ContractProbes.DialectOf(provider);
        var options = new SimulatorOptions { AcceptedKeys = { ReplayKey } };
        await using var simulator = await HailuoSimulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        using var http = simulator.CreateClient();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var verified = new List<VerifiedExchange>();
        foreach (var exchange in exchanges)
        {
            // Recorded status polls come after the render finished: the simulator's task gets as long as the slowest real one.
            simulator.Clock.Advance(HailuoSpec.Tasks.LongestRender);
            var answer = await ReplayAsync(http, exchange.Request, ids, cancellationToken).ConfigureAwait(false);
            LearnIds(exchange.Answer.Body, answer.Body, ids);
            verified.Add(new VerifiedExchange(exchange, answer, ShapeComparison.Compare(exchange.Name, exchange.Answer, answer, dialect)));
        }

        return new ContractReport(Path.GetFullPath(folder), provider.Name, verified);
    }

    /// <summary>The recordings of a folder in file order, each checked for secrets first.</summary>
    public static IReadOnlyList<RecordedExchange> ReadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new ContractInputException($"{folder}: no such folder; record one with `hailuo contract record --provider apimart|minimax --out {folder}`.");
        }

        var files = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            var other = Directory.EnumerateFileSystemEntries(folder).Any() ? "holds no *.json recording (only other files)" : "is empty";
            throw new ContractInputException($"{folder} {other}; record one with `hailuo contract record --provider apimart|minimax --out {folder}`.");
        }

        foreach (var file in files)
        {
            if (JsonSafe(file) is { } mapping && MappingSecrets.Find(mapping) is { Count: > 0 } secrets)
            {
                throw new ContractInputException($"{file}: still holds a secret at {secrets[0].Path} ({secrets[0].Why}); delete the file and record again (contract record scrubs secrets before writing).");
            }
        }

        return files.Select(ContractRecording.Read).ToArray();
    }

    private static JsonObject? JsonSafe(string file)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(file)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ProviderInfo ProviderOf(string folder, IReadOnlyList<RecordedExchange> exchanges, string? providerName)
    {
        var named = exchanges.Where(e => e.Provider is not null).Select(e => (e.Name, Provider: e.Provider!)).ToArray();
        var chosen = providerName ?? named.FirstOrDefault().Provider
            ?? throw new ContractInputException($"{folder}: no recording names its provider (Data.{ContractRecording.Marker}.provider); give --provider apimart|minimax.");
        var provider = HailuoSpec.Providers.FirstOrDefault(p => string.Equals(p.Name, chosen, StringComparison.OrdinalIgnoreCase))
            ?? throw new ContractInputException($"provider '{chosen}' is not a provider of the spec; allowed: {string.Join(", ", HailuoSpec.Providers.Select(p => p.Name.ToLowerInvariant()))}.");
        if (named.FirstOrDefault(n => !string.Equals(n.Provider, provider.Name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } other)
        {
            throw new ContractInputException($"{Path.Combine(folder, other.Name + ".json")}: recorded from {other.Provider}, not {provider.Name}; keep one provider's recordings per folder.");
        }

        return provider;
    }

    private static async Task<RecordedAnswerShape> ReplayAsync(HttpClient http, ContractProbe probe, IReadOnlyDictionary<string, string> ids, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), Substitute(probe.PathAndQuery, ids).TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", probe.Key == ProbeKey.Wrong ? ContractProbes.WrongKey : ReplayKey);
        if (probe.Body is not null)
        {
            request.Content = new StringContent(Substitute(probe.Body, ids), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        JsonNode? body;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            body = JsonValue.Create(text);
        }

        return new RecordedAnswerShape((int)response.StatusCode, headers, body);
    }

    /// <summary>The recorded ids (task_id, file_id, id) in a request, replaced by the ones the simulator gave for them.</summary>
    private static string Substitute(string text, IReadOnlyDictionary<string, string> ids) =>
        ids.Aggregate(text, (current, id) => current.Replace(id.Key, id.Value, StringComparison.Ordinal));

    /// <summary>Pairs each id in the recorded answer with the simulator's id at the same place, for the requests after it.</summary>
    private static void LearnIds(JsonNode? recorded, JsonNode? simulator, Dictionary<string, string> ids)
    {
        switch (recorded)
        {
            case JsonObject recordedObject when simulator is JsonObject simulatorObject:
                foreach (var (name, value) in recordedObject)
                {
                    if (!simulatorObject.TryGetPropertyValue(name, out var other))
                    {
                        continue;
                    }

                    if ((name == "id" || name.EndsWith("_id", StringComparison.Ordinal)) && IdText(value) is { Length: > 0 } recordedId && IdText(other) is { Length: > 0 } simulatorId)
                    {
                        ids.TryAdd(recordedId, simulatorId);
                    }
                    else
                    {
                        LearnIds(value, other, ids);
                    }
                }

                break;
            case JsonArray recordedArray when simulator is JsonArray simulatorArray:
                for (var i = 0; i < Math.Min(recordedArray.Count, simulatorArray.Count); i++)
                {
                    LearnIds(recordedArray[i], simulatorArray[i], ids);
                }

                break;
        }
    }

    private static string? IdText(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;
}
