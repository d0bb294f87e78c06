using System.Collections.Generic;
using System.Linq;

namespace Hailuo.Contracts.Generators.Emit.Refit;

/// <summary>One endpoint line of the spec read by the rule core's grammar (<see cref="EndpointLine"/>), worded for Refit.</summary>
internal sealed class RefitEndpoint
{
    private static readonly char[] Separators = { '_', '-' };

    private RefitEndpoint(string method, string route, IReadOnlyList<EndpointParameter> parameters)
    {
        Method = method;
        Route = route;
        Parameters = parameters;
    }

    /// <summary>The HTTP verb as Refit's attribute names it: "Get", "Post".</summary>
    public string Method { get; }

    /// <summary>The route template without the query placeholders, as Refit's attribute takes it.</summary>
    public string Route { get; }

    public IReadOnlyList<EndpointParameter> Parameters { get; }

    /// <summary>The line for Refit; null when it is not an endpoint line.</summary>
    public static RefitEndpoint? Parse(string text)
    {
        if (EndpointLine.Parse(text) is not { } line)
        {
            return null;
        }

        var parameters = line.Placeholders.Select(p => new EndpointParameter(CamelCase(p.Name), p.Key, p.InQuery, p.Start, p.End)).ToList();
        var route = line.QueryConstants.Count == 0 ? line.PathTemplate : line.PathTemplate + "?" + string.Join("&", line.QueryConstants);
        return new RefitEndpoint(line.Method.Substring(0, 1) + line.Method.Substring(1).ToLowerInvariant(), route, parameters);
    }

    private static string CamelCase(string snake)
    {
        var parts = snake.Split(Separators, System.StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p.ToLowerInvariant() : char.ToUpperInvariant(p[0]) + p.Substring(1).ToLowerInvariant()));
    }
}

/// <summary>A placeholder of an endpoint line: the C# parameter, the wire name, and where it sits in the route.</summary>
internal sealed record EndpointParameter(string Name, string WireName, bool InQuery, int Start, int End);
