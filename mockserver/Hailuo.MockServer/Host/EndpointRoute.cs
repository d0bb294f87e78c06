using System.Text.RegularExpressions;
using Hailuo.Contracts;
using Microsoft.AspNetCore.WebUtilities;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace Hailuo.MockServer.Server;

/// <summary>
/// An endpoint line, read by the rule core's grammar (<see cref="EndpointLine"/>), as a WireMock.Net request matcher and
/// a reader of its named values. Paths are matched exactly or by an anchored regex: WithPath(string) would read '*' and
/// '?' as wildcards.
/// </summary>
internal sealed class EndpointRoute
{
    private readonly EndpointLine _line;
    private readonly Regex _path;
    private readonly EndpointPlaceholder[] _inPath;
    private readonly string _head = string.Empty;
    private readonly string _tail = string.Empty;

    private EndpointRoute(EndpointLine line)
    {
        _line = line;
        var template = line.PathTemplate;
        var named = new System.Text.StringBuilder("^");
        var unnamed = new System.Text.StringBuilder("^");
        var at = 0;
        foreach (var placeholder in line.Placeholders.Where(p => !p.InQuery))
        {
            var literal = Regex.Escape(template[at..placeholder.Start]);
            named.Append(literal).Append("(?<").Append(placeholder.Name).Append(">[^/]+?)");

            // Unnamed groups: Java's regex (WireMock 3 reads the export) allows no '_' in group names.
            unnamed.Append(literal).Append("[^/]+");
            at = placeholder.End;
        }

        _path = new Regex(named.Append(Regex.Escape(template[at..])).Append('$').ToString(), RegexOptions.CultureInvariant);
        PathPattern = unnamed.Append(Regex.Escape(template[at..])).Append('$').ToString();
        _inPath = line.Placeholders.Where(p => !p.InQuery).ToArray();
        if (_inPath.Length == 1)
        {
            _head = template[.._inPath[0].Start];
            _tail = template[_inPath[0].End..];
        }
    }

    public string Method => _line.Method;

    public string PathTemplate => _line.PathTemplate;

    /// <summary>Whether the path has no placeholder.</summary>
    public bool IsExact => _line.Placeholders.All(p => p.InQuery);

    /// <summary>The anchored regex of the path, for a path with placeholders.</summary>
    public string PathPattern { get; }

    /// <summary>Whether the placeholder travels in the query rather than the path.</summary>
    public bool InQuery(string name) => _line.Placeholders.Any(p => p.InQuery && p.Name == name);

    /// <summary>The route of a line that follows the grammar; an error showing it otherwise.</summary>
    public static EndpointRoute Parse(string line) => new(EndpointLine.Read(line));

    /// <summary>The path with its placeholders filled (escaped), without the query.</summary>
    public string Path(params (string Name, string Value)[] values) =>
        values.Aggregate(PathTemplate, (path, v) => path.Replace("{" + v.Name + "}", Uri.EscapeDataString(v.Value), StringComparison.Ordinal));

    /// <summary>The path and query with every placeholder filled (escaped), as a client sends it.</summary>
    public string PathAndQuery(params (string Name, string Value)[] values)
    {
        var filled = _line.Placeholders.Where(p => p.InQuery).Select(p => p.Key + "=" + Uri.EscapeDataString(values.First(v => v.Name == p.Name).Value));
        var query = string.Join("&", _line.QueryConstants.Concat(filled));
        return Path(values) + (query.Length > 0 ? "?" + query : string.Empty);
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
        if (_inPath.Length == 1)
        {
            values[_inPath[0].Name] = Uri.UnescapeDataString(Between(path));
        }
        else
        {
            var match = _path.Match(path);
            foreach (var placeholder in _inPath)
            {
                values[placeholder.Name] = Uri.UnescapeDataString(match.Groups[placeholder.Name].Value);
            }
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

    /// <summary>A lone placeholder's text, as the path regex captures it (empty when the path does not match), without running the regex.</summary>
    private string Between(string path)
    {
        // The regex's '$' also matches before a final '\n', and its lazy group takes that shorter match first.
        if (path.EndsWith('\n') && Between(path.AsSpan(0, path.Length - 1)) is { Length: > 0 } shorter)
        {
            return shorter.ToString();
        }

        return Between(path.AsSpan()).ToString();
    }

    private ReadOnlySpan<char> Between(ReadOnlySpan<char> path)
    {
        if (path.Length <= _head.Length + _tail.Length || !path.StartsWith(_head, StringComparison.Ordinal) || !path.EndsWith(_tail, StringComparison.Ordinal))
        {
            return [];
        }

        var value = path[_head.Length..^_tail.Length];
        return value.Contains('/') ? [] : value;
    }
}
