using System.Text;
using Hailuo.MockServer.Simulation;
using Hailuo.MockServer.Wire;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Hailuo.MockServer.Server;

/// <summary>
/// Every path the simulator serves (both dialects' endpoints, downloads, /__admin/hailuo/) as one WireMock.Net mapping
/// that picks the operation by method and path: WireMock.Net matches every mapping against every request and sorts
/// them, so each extra mapping cost every request about 1.5 % of a poll's throughput (8 mappings against 1: 0.91×).
/// A method a path does not serve gets 405 with Allow (HTTP's answer), not WireMock.Net's 404 "No matching mapping found".
/// </summary>
internal sealed class SimulatorMapping
{
    private readonly Dictionary<string, ServedPath> _exact = new(StringComparer.Ordinal);
    private readonly List<ServedPath> _patterns = new();
    private readonly SimulatorState _state;

    public SimulatorMapping(SimulatorState state) => _state = state;

    /// <summary>
    /// Serves <paramref name="method"/> on the path <paramref name="template"/>, matched exactly, or by
    /// <paramref name="pattern"/> (an anchored regex) when it has placeholders; <paramref name="dialect"/> shapes the 405
    /// (null: the admin API's {"error": ...}).
    /// </summary>
    public void Serve(string template, string? pattern, string method, Contracts.WireDialect? dialect, Func<IRequestMessage, ValueTask<WireAnswer>> answer)
    {
        var served = pattern is null ? _exact.GetValueOrDefault(template) : _patterns.Find(p => p.Key == template);
        if (served is null)
        {
            served = new ServedPath(template, pattern, dialect);
            if (pattern is null)
            {
                _exact[template] = served;
            }
            else
            {
                _patterns.Add(served);
            }
        }

        served.Methods.Add(method.ToUpperInvariant(), answer);
    }

    /// <summary>Adds the one mapping at <paramref name="priority"/>; a user's stub at a lower number answers first.</summary>
    public Guid Register(WireMockServer server, int priority)
    {
        var guid = Guid.NewGuid();
        server.Given(Request.Create().WithPath(new RegexMatcher(Pattern())))
            .WithGuid(guid)
            .WithTitle("Hailuo simulator: " + string.Join(", ", _exact.Values.Concat(_patterns).Select(p => string.Join("|", p.Methods.Keys) + " " + p.Key)))
            .AtPriority(priority)
            .RespondWith(Response.Create().WithCallback(async request => WireMockMessages.ToResponse(await AnswerAsync(request).ConfigureAwait(false), _state.Now)));
        return guid;
    }

    /// <summary>The answer of the operation the method and path name, or the 405 for a served path with another method.</summary>
    public ValueTask<WireAnswer> AnswerAsync(IRequestMessage request)
    {
        // Matched as each path's own matcher would alone: exact paths by ordinal equality, templated ones by their regex.
        var served = _exact.GetValueOrDefault(request.Path) ?? Templated(request.Path);
        if (served is null)
        {
            // Unreachable while Pattern() matches exactly the union of the paths' matchers; answered as WireMock.Net would.
            return ValueTask.FromResult(WireAnswer.Json(new { Status = "No matching mapping found" }, 404));
        }

        return served.Methods.TryGetValue(request.Method.ToUpperInvariant(), out var answer) ? answer(request) : ValueTask.FromResult(NotAllowed(request, served));
    }

    private ServedPath? Templated(string path)
    {
        foreach (var served in _patterns)
        {
            if (served.Matcher!.IsMatch(path).IsPerfect())
            {
                return served;
            }
        }

        return null;
    }

    /// <summary>One regex matching what the paths' own matchers match: \A…\z is an ExactMatcher, a template's anchored regex is kept as it is.</summary>
    private string Pattern()
    {
        var alternatives = _exact.Keys.Select(p => @"\A" + System.Text.RegularExpressions.Regex.Escape(p) + @"\z")
            .Concat(_patterns.Select(p => p.Pattern!));
        return new StringBuilder().AppendJoin('|', alternatives.Select(a => "(?:" + a + ")")).ToString();
    }

    private WireAnswer NotAllowed(IRequestMessage request, ServedPath served)
    {
        var allow = string.Join(", ", served.Methods.Keys);
        var message = $"{request.Method} is not allowed on {request.Path}; allowed: {allow}.";
        var answer = served.Dialect is { } d
            ? ErrorAnswer.Create(d, 405, Contracts.ErrorMeanings.InvalidParameters, "invalid_request_error", message)
            : WireAnswer.Json(new { error = message }, 405);
        return answer.With("Allow", allow).With(RequestIds.Header, _state.RequestIds.Next(_state.Now));
    }

    private sealed record ServedPath(string Key, string? Pattern, Contracts.WireDialect? Dialect)
    {
        // The same matcher WireMock.Net would run for a mapping of this path alone.
        public RegexMatcher? Matcher { get; } = Pattern is null ? null : new RegexMatcher(Pattern);


        public SortedDictionary<string, Func<IRequestMessage, ValueTask<WireAnswer>>> Methods { get; } = new(StringComparer.Ordinal);
    }
}
