using System.Collections.Generic;
using System.Linq;

namespace Hailuo.Contracts.Generators.Emit.Refit;

/// <summary>One endpoint line of the spec, such as "GET /v1/query/video_generation?task_id={task_id}", split for Refit.</summary>
internal sealed class EndpointLine
{
    private static readonly char[] Separators = { '_', '-' };

    private EndpointLine(string method, string route, IReadOnlyList<EndpointParameter> parameters)
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

    /// <summary>Splits the line; null when it is not "VERB /path[?key={name}&amp;...]".</summary>
    public static EndpointLine? Parse(string line)
    {
        var space = line.IndexOf(' ');
        if (space <= 0)
        {
            return null;
        }

        var verb = line.Substring(0, space).Trim();
        var target = line.Substring(space + 1).Trim();
        if (!target.StartsWith("/", System.StringComparison.Ordinal) || verb.Length == 0 || !verb.All(char.IsLetter))
        {
            return null;
        }

        var question = target.IndexOf('?');
        var route = question < 0 ? target : target.Substring(0, question);
        var parameters = new List<EndpointParameter>();
        var at = 0;
        while ((at = route.IndexOf('{', at)) >= 0)
        {
            var end = route.IndexOf('}', at);
            if (end < 0)
            {
                return null;
            }

            var name = route.Substring(at + 1, end - at - 1);
            parameters.Add(new EndpointParameter(CamelCase(name), name, InQuery: false, at, end + 1));
            at = end + 1;
        }

        var constants = new List<string>();
        if (question >= 0)
        {
            foreach (var pair in target.Substring(question + 1).Split('&'))
            {
                var equals = pair.IndexOf('=');
                var value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
                if (equals > 0 && value.StartsWith("{", System.StringComparison.Ordinal) && value.EndsWith("}", System.StringComparison.Ordinal))
                {
                    parameters.Add(new EndpointParameter(CamelCase(value.Substring(1, value.Length - 2)), pair.Substring(0, equals), InQuery: true, -1, -1));
                }
                else
                {
                    constants.Add(pair);
                }
            }
        }

        var method = char.ToUpperInvariant(verb[0]) + verb.Substring(1).ToLowerInvariant();
        return new EndpointLine(method, constants.Count == 0 ? route : route + "?" + string.Join("&", constants), parameters);
    }

    private static string CamelCase(string snake)
    {
        var parts = snake.Split(Separators, System.StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p.ToLowerInvariant() : char.ToUpperInvariant(p[0]) + p.Substring(1).ToLowerInvariant()));
    }
}

/// <summary>A placeholder of an endpoint line: the C# parameter, the wire name, and where it sits in the route.</summary>
internal sealed record EndpointParameter(string Name, string WireName, bool InQuery, int Start, int End);
