using Hailuo.MockServer.Simulation;
using Hailuo.MockServer.Wire;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Hailuo.MockServer.Server;

/// <summary>
/// One mapping for every path of the engine and its admin API, any method, just after theirs: a method the path does
/// not serve gets 405 with Allow (HTTP's answer), not WireMock.Net's 404 "No matching mapping found". One mapping, not
/// one per path: WireMock.Net matches every mapping against every request.
/// </summary>
internal sealed class MethodGuard
{
    private readonly Dictionary<string, (IStringMatcher Path, Contracts.WireDialect? Dialect, SortedSet<string> Methods)> _paths = new(StringComparer.Ordinal);

    /// <summary>Notes that <paramref name="method"/> is served on the path; <paramref name="dialect"/> shapes the 405 (null: the admin API's {"error": ...}).</summary>
    public void Serve(string pathKey, IStringMatcher path, string method, Contracts.WireDialect? dialect)
    {
        if (!_paths.TryGetValue(pathKey, out var entry))
        {
            entry = (path, dialect, new SortedSet<string>(StringComparer.Ordinal));
            _paths[pathKey] = entry;
        }

        entry.Methods.Add(method.ToUpperInvariant());
    }

    public IEnumerable<Guid> Register(WireMockServer server, SimulatorState state, int priority)
    {
        var guid = Guid.NewGuid();
        server.Given(Request.Create().WithPath(_paths.Values.Select(p => p.Path).ToArray()))
            .WithGuid(guid)
            .WithTitle("Hailuo method not allowed: " + string.Join(", ", _paths.Keys))
            .AtPriority(priority)
            .RespondWith(Response.Create().WithCallback(request => WireMockMessages.ToResponse(NotAllowed(request, state), state.Now)));
        yield return guid;
    }

    /// <summary>The 405 for a request on a served path with a method it does not serve.</summary>
    public WireAnswer NotAllowed(IRequestMessage request, SimulatorState state)
    {
        var (_, dialect, methods) = _paths.Values.First(p => p.Path.IsMatch(request.Path).IsPerfect());
        var allow = string.Join(", ", methods);
        var message = $"{request.Method} is not allowed on {request.Path}; allowed: {allow}.";
        var answer = dialect is { } d
            ? ErrorAnswer.Create(d, 405, Contracts.ErrorMeanings.InvalidParameters, "invalid_request_error", message)
            : WireAnswer.Json(new { error = message }, 405);
        return answer.With("Allow", allow).With(RequestIds.Header, state.RequestIds.Next(state.Now));
    }
}
