using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace Hailuo.MockServer.Server;

/// <summary>
/// An endpoint line as the spec writes it ("GET /v1/query/video_generation?task_id={task_id}") turned into a WireMock.Net
/// request matcher and a reader of its named values. Paths are matched exactly or by an anchored regex: WithPath(string)
/// would read '*' and '?' as wildcards.
/// </summary>
internal sealed partial class EndpointLine
{
    private readonly Regex _path;

    private EndpointLine(string method, string pathTemplate, IReadOnlyList<string> queryNames)
    {
        Method = method;
        PathTemplate = pathTemplate;
        QueryNames = queryNames;
        var parts = Placeholder().Split(pathTemplate);
        _path = new Regex("^" + string.Concat(parts.Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : $"(?<{part}>[^/]+?)")) + "$", RegexOptions.CultureInvariant);

        // Unnamed groups: Java's regex (WireMock 3 reads the export) allows no '_' in group names.
        PathPattern = "^" + string.Concat(parts.Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : "[^/]+")) + "$";
        IsExact = !pathTemplate.Contains('{', StringComparison.Ordinal);
    }

    public string Method { get; }

    public string PathTemplate { get; }

    public IReadOnlyList<string> QueryNames { get; }

    /// <summary>Whether the path has no placeholder.</summary>
    public bool IsExact { get; }

    /// <summary>The anchored regex of the path, for a path with placeholders.</summary>
    public string PathPattern { get; }

    /// <summary>The path with its placeholders filled (escaped), without the query.</summary>
    public string Path(params (string Name, string Value)[] values) =>
        values.Aggregate(PathTemplate, (path, v) => path.Replace("{" + v.Name + "}", Uri.EscapeDataString(v.Value), StringComparison.Ordinal));

    /// <summary>The path and query with every placeholder filled (escaped), as a client sends it.</summary>
    public string PathAndQuery(params (string Name, string Value)[] values)
    {
        var query = string.Join("&", QueryNames.Select(n => n + "=" + Uri.EscapeDataString(values.First(v => v.Name == n).Value)));
        return Path(values) + (query.Length > 0 ? "?" + query : string.Empty);
    }

    public static EndpointLine Parse(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var target = line[(space + 1)..];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var names = question < 0 ? Array.Empty<string>() : target[(question + 1)..].Split('&').Select(p => p.Split('=')[0]).ToArray();
        return new EndpointLine(line[..space].ToUpperInvariant(), path, names);
    }

    /// <summary>Matches the method and the path; query values are the engine's to check, so a missing one gets a clear 400.</summary>
    public IRequestBuilder Request() => global::WireMock.RequestBuilders.Request.Create()
        .WithPath(PathMatcher())
        .UsingMethod(Method);

    /// <summary>The path alone, whatever the method.</summary>
    public IStringMatcher PathMatcher() => IsExact ? new ExactMatcher(PathTemplate) : new RegexMatcher(PathPattern);

    /// <summary>The named values of the path and the query.</summary>
    public Dictionary<string, string> Values(string path, string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var match = _path.Match(path);
        foreach (var name in _path.GetGroupNames().Where(n => !int.TryParse(n, out _)))
        {
            values[name] = Uri.UnescapeDataString(match.Groups[name].Value);
        }

        if (query.Length > 1)
        {
            foreach (var (name, value) in QueryHelpers.ParseQuery(query))
            {
                values.TryAdd(name, value.ToString());
            }
        }

        return values;
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
