using System.Text.Json.Nodes;

namespace Hailuo.MockServer.WireMock;

/// <summary>A string matcher of WireMock's JSON format; only the two that WireMock.Net's importer reads alike.</summary>
internal readonly record struct StubMatcher(string Kind, string Value)
{
    public static StubMatcher EqualTo(string value) => new("equalTo", value);

    /// <summary>Whether the value must be equal, rather than match a pattern.</summary>
    public bool IsExact => Kind == "equalTo";

    /// <summary>Anchored patterns only: Java matches the whole value, WireMock.Net's RegexMatcher searches within it.</summary>
    public static StubMatcher Matches(string anchoredPattern) => new("matches", anchoredPattern);

    public JsonObject ToJson() => new() { [Kind] = Value };
}

/// <summary>The request side of a stub: method, path (exact or a pattern), headers, query parameters and one body pattern.</summary>
internal sealed record StubRequest(string Method, string? UrlPath = null, string? UrlPathPattern = null)
{
    public IReadOnlyList<KeyValuePair<string, StubMatcher>> Headers { get; init; } = Array.Empty<KeyValuePair<string, StubMatcher>>();

    public IReadOnlyList<KeyValuePair<string, StubMatcher>> Query { get; init; } = Array.Empty<KeyValuePair<string, StubMatcher>>();

    /// <summary>WireMock.Net's importer reads only the first body pattern, so there is at most one.</summary>
    public StubMatcher? Body { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["method"] = Method };
        if (UrlPath is not null)
        {
            json["urlPath"] = UrlPath;
        }
        else
        {
            json["urlPathPattern"] = UrlPathPattern;
        }

        if (Headers.Count > 0)
        {
            json["headers"] = Members(Headers);
        }

        if (Query.Count > 0)
        {
            json["queryParameters"] = Members(Query);
        }

        if (Body is { } body)
        {
            json["bodyPatterns"] = new JsonArray(body.ToJson());
        }

        return json;
    }

    private static JsonObject Members(IEnumerable<KeyValuePair<string, StubMatcher>> matchers)
    {
        var json = new JsonObject();
        foreach (var (name, matcher) in matchers)
        {
            json[name] = matcher.ToJson();
        }

        return json;
    }
}

/// <summary>One WireMock stub mapping, written as one file: request, recorded answer, priority and scenario step.</summary>
internal sealed record StubMapping(string FileName, string Name, int Priority, StubRequest Request, RecordedAnswer Answer)
{
    public string? ScenarioName { get; init; }

    public string? RequiredState { get; init; }

    public string? NewState { get; init; }

    /// <summary>For a binary answer: the file under __files/ that holds its bytes.</summary>
    public string? BodyFileName { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["name"] = Name, ["priority"] = Priority };
        if (ScenarioName is not null)
        {
            json["scenarioName"] = ScenarioName;
            json["requiredScenarioState"] = RequiredState;
            if (NewState is not null)
            {
                json["newScenarioState"] = NewState;
            }
        }

        json["request"] = Request.ToJson();
        json["response"] = Response();
        return json;
    }

    /// <summary>The recorded headers a stub repeats, as a JSON object of plain strings (both formats write them so).</summary>
    public JsonObject ResponseHeaders()
    {
        var headers = new JsonObject();
        foreach (var (name, value) in Answer.Headers)
        {
            headers[name] = value;
        }

        return headers;
    }

    /// <summary>The file that holds a binary answer's bytes; every binary answer has one.</summary>
    public string BinaryBodyFile => BodyFileName ?? throw new InvalidOperationException($"Stub '{Name}' has a binary answer but no body file.");

    private JsonObject Response()
    {
        var json = new JsonObject { ["status"] = Answer.Status, ["headers"] = ResponseHeaders() };
        if (Answer.Json is { } body)
        {
            json["jsonBody"] = body.DeepClone();
        }
        else
        {
            // base64Body is not used: WireMock.Net's importer decodes it to UTF-8 text, which breaks binary files.
            json["bodyFileName"] = BinaryBodyFile;
        }

        return json;
    }
}
