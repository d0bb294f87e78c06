using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;

namespace Hailuo.WireMock.Tests.Infrastructure;

/// <summary>
/// A model of how WireMock.Net serves static mappings in its own format, written from its source because WireMock.Net
/// cannot be restored here (docs/DESIGN.md). It is not WireMock.Net: each rule below names the source it follows
/// (WireMock.Net.Minimal: Owin/MappingMatcher.cs, Owin/WireMockMiddleware.cs, Mapping.cs IsStartState,
/// Matchers/Request/RequestMessageScenarioAndStateMatcher.cs, Handlers/LocalFileSystemHandler.cs,
/// Server/WireMockServer.Admin.cs), and it refuses any
/// field or matcher it does not model, so the export cannot lean on something untested.
/// </summary>
internal sealed class WireMockNetModel
{
    private static readonly string[] Top = { "Guid", "Title", "Priority", "Scenario", "WhenStateIs", "SetStateTo", "Request", "Response" };
    private static readonly string[] RequestFields = { "Path", "Methods", "Headers", "Params", "Body" };
    private static readonly string[] ResponseFields = { "StatusCode", "Headers", "BodyAsJson", "BodyAsFile" };

    private readonly string _mappingFolder;
    private readonly Mapping[] _mappings;
    private readonly Dictionary<string, ScenarioState> _scenarios = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public WireMockNetModel(string root)
    {
        _mappingFolder = Path.Combine(root, "__admin", "mappings");

        // ReadStaticMappings reads the files directly in the folder, in name order.
        _mappings = Directory.EnumerateFiles(_mappingFolder).Order(StringComparer.Ordinal).Select(f => Parse(f, JsonNode.Parse(File.ReadAllText(f))!.AsObject())).ToArray();
    }

    public int MappingCount => _mappings.Length;

    /// <summary>POST /__admin/scenarios/reset: every scenario forgotten, so each starts again.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _scenarios.Clear();
        }
    }

    /// <summary>PUT /__admin/scenarios/{name}/state (ScenariosSetState): the next state is set; a scenario not started yet is 404.</summary>
    public void SetState(string scenario, string state)
    {
        lock (_lock)
        {
            var known = _scenarios.GetValueOrDefault(scenario) ?? throw new InvalidOperationException($"404: No scenario found by name '{scenario}'.");
            known.NextState = state;
        }
    }

    /// <summary>The scenario's state in WireMock's words: no state yet is WireMock's Started.</summary>
    public string StateOf(string scenario)
    {
        lock (_lock)
        {
            return _scenarios.GetValueOrDefault(scenario)?.NextState ?? Hailuo.MockServer.WireMock.WireMockScenarioStates.Started;
        }
    }

    public HttpMessageHandler CreateHandler() => new Handler(this);

    private async Task<HttpResponseMessage> ServeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var incoming = new Incoming(request, body);
        lock (_lock)
        {
            // WireMockMiddleware: a scenario is created by its start mapping (IsStartState: SetStateTo set, WhenStateIs not) before matching.
            foreach (var m in _mappings.Where(m => m.Scenario is not null && m.WhenStateIs is null && m.SetStateTo is not null))
            {
                _scenarios.TryAdd(m.Scenario!, new ScenarioState());
            }

            // MappingMatcher: of the perfect matches, the lowest Priority wins; a tie would fall to load order, which the export must never rely on.
            var matches = _mappings.Where(m => m.Matches(incoming, m.Scenario is null ? null : _scenarios.GetValueOrDefault(m.Scenario)?.NextState)).ToList();
            if (matches.Count == 0)
            {
                return Json(HttpStatusCode.NotFound, new JsonObject { ["Status"] = "No matching mapping found" });
            }

            var best = matches.Min(m => m.Priority);
            var winners = matches.Where(m => m.Priority == best).ToList();
            if (winners.Count > 1)
            {
                throw new InvalidOperationException($"{request.Method} {request.RequestUri}: mappings tie at priority {best}: {string.Join(", ", winners.Select(w => w.Title))}");
            }

            var mapping = winners[0];
            if (mapping.Scenario is not null)
            {
                // UpdateScenarioState: the next state becomes SetStateTo, null included (which is the scenario's start again).
                if (!_scenarios.TryGetValue(mapping.Scenario, out var scenario))
                {
                    return Json(HttpStatusCode.InternalServerError, new JsonObject { ["Status"] = $"scenario '{mapping.Scenario}' was never started" });
                }

                scenario.NextState = mapping.SetStateTo;
            }

            return mapping.Respond(_mappingFolder);
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    private static Mapping Parse(string file, JsonObject json)
    {
        Known(file, json, Top);
        var request = json["Request"]!.AsObject();
        Known(file, request, RequestFields);
        var response = json["Response"]!.AsObject();
        Known(file, response, ResponseFields);
        return new Mapping(
            (string)json["Title"]!,
            (int?)json["Priority"] ?? throw new InvalidOperationException($"{file}: no Priority, which WireMock.Net would order before every other mapping"),
            (string?)json["Scenario"],
            (string?)json["WhenStateIs"],
            (string?)json["SetStateTo"],
            request["Methods"]!.AsArray().Select(m => (string)m!).ToArray(),
            request["Path"]!["Matchers"]!.AsArray().Select(m => Matcher(file, m!)).ToArray(),
            Named(file, request["Headers"]),
            Named(file, request["Params"]),
            request["Body"] is { } b ? Matcher(file, b["Matcher"]!) : null,
            response);
    }

    private static void Known(string file, JsonObject json, string[] allowed)
    {
        var unknown = json.Select(p => p.Key).Except(allowed).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{file}: the model of WireMock.Net does not know {string.Join(", ", unknown)}");
        }
    }

    /// <summary>RequestMessageHeaderMatcher: the name is looked up ordinally unless IgnoreCase; every value must match a matcher.</summary>
    private static (string Name, bool IgnoreCase, Func<string, bool>[] Matchers)[] Named(string file, JsonNode? list) => list?.AsArray().Select(h =>
    {
        Known(file, h!.AsObject(), ["Name", "IgnoreCase", "Matchers"]);
        return ((string)h["Name"]!, (bool?)h["IgnoreCase"] == true, h["Matchers"]!.AsArray().Select(m => Matcher(file, m!)).ToArray());
    }).ToArray() ?? [];

    /// <summary>ExactMatcher compares ordinally; RegexMatcher searches (IsMatch), case-sensitive unless IgnoreCase.</summary>
    private static Func<string, bool> Matcher(string file, JsonNode matcher)
    {
        Known(file, matcher.AsObject(), ["Name", "Pattern", "IgnoreCase"]);
        var pattern = (string)matcher["Pattern"]!;
        var ignoreCase = (bool?)matcher["IgnoreCase"] == true;
        return (string)matcher["Name"]! switch
        {
            "ExactMatcher" => value => string.Equals(value, pattern, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal),
            "RegexMatcher" => new Regex(pattern, ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None).IsMatch,
            var other => throw new InvalidOperationException($"{file}: the model of WireMock.Net does not know the matcher {other}"),
        };
    }

    private sealed class ScenarioState
    {
        public string? NextState { get; set; }
    }

    /// <summary>What the matchers look at: method, path, query, headers and the body as text.</summary>
    private sealed class Incoming(HttpRequestMessage request, string body)
    {
        public string Method { get; } = request.Method.Method;

        public string Path { get; } = request.RequestUri!.AbsolutePath;

        public System.Collections.Specialized.NameValueCollection Query { get; } = HttpUtility.ParseQueryString(request.RequestUri!.Query);

        public string Body { get; } = body;

        public List<string> Header(string name, bool ignoreCase) => request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Where(h => string.Equals(h.Key, name, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            .SelectMany(h => h.Value).ToList();
    }

    private sealed record Mapping(
        string Title,
        int Priority,
        string? Scenario,
        string? WhenStateIs,
        string? SetStateTo,
        string[] Methods,
        Func<string, bool>[] Path,
        (string Name, bool IgnoreCase, Func<string, bool>[] Matchers)[] HeaderMatchers,
        (string Name, bool IgnoreCase, Func<string, bool>[] Matchers)[] ParamMatchers,
        Func<string, bool>? Body,
        JsonObject Response)
    {
        public bool Matches(Incoming request, string? scenarioState) =>
            Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)
            && Path.Any(m => m(request.Path))
            && HeaderMatchers.All(h => request.Header(h.Name, h.IgnoreCase) is { Count: > 0 } values && values.All(v => h.Matchers.Any(m => m(v))))
            && ParamMatchers.All(p => (request.Query.GetValues(p.Name) ?? []).Any(v => p.Matchers.Any(m => m(v))))
            && (Body is null || Body(request.Body))

            // RequestMessageScenarioAndStateMatcher: WhenStateIs must equal the scenario's next state, both null at the start.
            && (Scenario is null || WhenStateIs == scenarioState);

        public HttpResponseMessage Respond(string mappingFolder)
        {
            var response = new HttpResponseMessage((HttpStatusCode)(int)Response["StatusCode"]!);
            var headers = Response["Headers"]?.AsObject() ?? [];

            // LocalFileSystemHandler: a relative BodyAsFile is read from the mapping folder.
            var bytes = Response["BodyAsJson"] is { } json ? Encoding.UTF8.GetBytes(json.ToJsonString()) : File.ReadAllBytes(System.IO.Path.Combine(mappingFolder, (string)Response["BodyAsFile"]!));
            response.Content = new ByteArrayContent(bytes);
            foreach (var (name, value) in headers)
            {
                if (!response.Headers.TryAddWithoutValidation(name, (string)value!))
                {
                    response.Content.Headers.TryAddWithoutValidation(name, (string)value!);
                }
            }

            return response;
        }
    }

    /// <summary>A handler per client that serves from the one shared model, so disposing a client leaves the model alone.</summary>
    private sealed class Handler(WireMockNetModel model) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => model.ServeAsync(request, cancellationToken);
    }
}
