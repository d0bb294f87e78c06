using System.Text.Json.Nodes;
using Hailuo.Contracts;

namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>The fixed probes `contract record` sends: each is refused by the API, so none of them costs anything.</summary>
public static class ContractProbes
{
    /// <summary>The key of the wrong-key probe: no account has it, and it is no secret.</summary>
    public const string WrongKey = "hailuo-contract-wrong-key";

    /// <summary>A model no provider offers, so the invalid request is refused before any render.</summary>
    public const string NoSuchModel = "hailuo-contract-no-such-model";

    /// <summary>The free probes of a provider's dialect, in the order they are sent; a dialect without a file endpoint has no file probe.</summary>
    public static IReadOnlyList<ContractProbe> Free(ProviderInfo provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var dialect = DialectOf(provider);
        var unknownTask = provider.Dialect == WireDialect.MiniMax ? "999999999999999" : "task_01HA1L0C0NTRACTPR0BE00000";
        var invalid = new JsonObject { ["model"] = NoSuchModel, ["prompt"] = "contract probe: refused before any render" };
        var probes = new List<ContractProbe>
        {
            Line("invalid-request", dialect.Submit, invalid.ToJsonString(), ProbeKey.Account),
            Line("wrong-key", Fill(dialect.Status, unknownTask), null, ProbeKey.Wrong),
            Line("unknown-task", Fill(dialect.Status, unknownTask), null, ProbeKey.Account),
        };
        if (dialect.FileRetrieve is { } retrieve)
        {
            probes.Add(Line("unknown-file", Fill(retrieve, "999999999999999"), null, ProbeKey.Account));
        }

        return probes;
    }

    /// <summary>The spec's facts about the provider's wire dialect.</summary>
    public static DialectInfo DialectOf(ProviderInfo provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return HailuoSpec.Dialects.First(d => d.Dialect == provider.Dialect);
    }

    /// <summary>A probe from one of the spec's endpoint lines, such as "GET /v1/tasks/{task_id}".</summary>
    public static ContractProbe Line(string name, string endpointLine, string? body, ProbeKey key)
    {
        ArgumentNullException.ThrowIfNull(endpointLine);
        var space = endpointLine.IndexOf(' ', StringComparison.Ordinal);
        return new ContractProbe(name, endpointLine[..space], endpointLine[(space + 1)..], body, key);
    }

    /// <summary>The endpoint line with its one placeholder ({task_id}, {file_id}) filled, escaped for a URL.</summary>
    public static string Fill(string endpointLine, string id)
    {
        ArgumentNullException.ThrowIfNull(endpointLine);
        var start = endpointLine.IndexOf('{', StringComparison.Ordinal);
        var end = endpointLine.IndexOf('}', StringComparison.Ordinal);
        return endpointLine[..start] + Uri.EscapeDataString(id) + endpointLine[(end + 1)..];
    }
}
