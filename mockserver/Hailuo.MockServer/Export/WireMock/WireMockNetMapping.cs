using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Hailuo.MockServer.WireMock;

/// <summary>
/// The same stub in WireMock.Net's own mapping format (its MappingModel), which, unlike its importer of WireMock's
/// format, keeps scenarios and priorities. The translation follows WireMock.Net's source (docs/WIREMOCK.md).
/// </summary>
internal static class WireMockNetMapping
{
    /// <summary>WireMock.Net's mapping folder under its root; it reads only the files directly inside it.</summary>
    public static readonly string MappingsFolder = Path.Combine("__admin", "mappings");

    /// <summary>Videos sit in a subfolder of the mapping folder, which is where WireMock.Net looks first for a relative BodyAsFile.</summary>
    public const string FilesFolder = "__files";

    public static JsonObject ToJson(StubMapping stub)
    {
        var json = new JsonObject { ["Guid"] = GuidOf(stub.FileName).ToString(), ["Title"] = stub.Name, ["Priority"] = stub.Priority };
        if (stub.ScenarioName is not null)
        {
            json["Scenario"] = stub.ScenarioName;

            // WireMock.Net has no named start state: a scenario starts with no state, and only a mapping without WhenStateIs matches then.
            if (State(stub.RequiredState) is { } required)
            {
                json["WhenStateIs"] = required;
            }

            // A mapping without SetStateTo sends WireMock.Net's scenario back to its start, so staying put is written as a move to the same state.
            if (State(stub.NewState ?? stub.RequiredState) is { } next)
            {
                json["SetStateTo"] = next;
            }
        }

        json["Request"] = Request(stub.Request);
        json["Response"] = Response(stub);
        return json;
    }

    /// <summary>A stable id per mapping file, so a second export replaces the first mapping instead of adding another.</summary>
    public static Guid GuidOf(string fileName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("hailuo-wiremock-net/" + fileName));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    private static string? State(string? wireMockState) => wireMockState is null or WireMockScenarioStates.Started ? null : wireMockState;

    private static JsonObject Request(StubRequest request)
    {
        var path = request.UrlPath is not null ? Matcher(StubMatcher.EqualTo(request.UrlPath)) : Matcher(StubMatcher.Matches(request.UrlPathPattern!));
        var json = new JsonObject { ["Path"] = new JsonObject { ["Matchers"] = new JsonArray(path) }, ["Methods"] = new JsonArray(request.Method) };
        if (request.Headers.Count > 0)
        {
            // WireMock.Net looks header names up case-sensitively unless told otherwise; HTTP and WireMock ignore their case.
            json["Headers"] = Named(request.Headers, ignoreNameCase: true);
        }

        if (request.Query.Count > 0)
        {
            json["Params"] = Named(request.Query);
        }

        if (request.Body is { } body)
        {
            json["Body"] = new JsonObject { ["Matcher"] = Matcher(body) };
        }

        return json;
    }

    private static JsonObject Response(StubMapping stub)
    {
        var json = new JsonObject { ["StatusCode"] = stub.Answer.Status, ["Headers"] = stub.ResponseHeaders() };
        if (stub.Answer.Json is { } body)
        {
            json["BodyAsJson"] = body.DeepClone();
        }
        else
        {
            json["BodyAsFile"] = FilesFolder + "/" + stub.BinaryBodyFile;
        }

        return json;
    }

    /// <summary>equalTo is WireMock.Net's ExactMatcher and matches its RegexMatcher; our patterns are anchored, so its search is a whole-value match.</summary>
    private static JsonObject Matcher(StubMatcher matcher) => new()
    {
        ["Name"] = matcher.IsExact ? "ExactMatcher" : "RegexMatcher",
        ["Pattern"] = matcher.Value,
    };

    private static JsonArray Named(IEnumerable<KeyValuePair<string, StubMatcher>> matchers, bool ignoreNameCase = false) => new(matchers.Select(m =>
    {
        var json = new JsonObject { ["Name"] = m.Key, ["Matchers"] = new JsonArray(Matcher(m.Value)) };
        if (ignoreNameCase)
        {
            json["IgnoreCase"] = true;
        }

        return (JsonNode)json;
    }).ToArray());
}
