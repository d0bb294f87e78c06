using System;
using System.Collections.Generic;

namespace Hailuo.Contracts;

// Part of the rule core: the generator's Refit emitters and the simulator's routes read the spec's endpoint lines with this one grammar.
/// <summary>
/// One endpoint line as the spec writes it, such as "GET /v1/query/video_generation?task_id={task_id}": the verb, the
/// path template, and its placeholders. Grammar: <c>VERB /path[?key={name}|key=value[&amp;...]]</c>, where VERB is
/// letters, the path starts with '/', and a placeholder's name is letters, digits and '_'.
/// </summary>
public sealed class EndpointLine
{
    private EndpointLine(string method, string pathTemplate, IReadOnlyList<EndpointPlaceholder> placeholders, IReadOnlyList<string> queryConstants)
    {
        Method = method;
        PathTemplate = pathTemplate;
        Placeholders = placeholders;
        QueryConstants = queryConstants;
    }

    /// <summary>The HTTP method in upper case: "GET", "POST".</summary>
    public string Method { get; }

    /// <summary>The path with its placeholders and without the query: "/v1/tasks/{task_id}".</summary>
    public string PathTemplate { get; }

    /// <summary>The path's placeholders in order, then the query's.</summary>
    public IReadOnlyList<EndpointPlaceholder> Placeholders { get; }

    /// <summary>Query pairs whose value is fixed ("key=value"), in order.</summary>
    public IReadOnlyList<string> QueryConstants { get; }

    /// <summary>Splits the line; null when it does not follow the grammar.</summary>
    public static EndpointLine? Parse(string line)
    {
        var space = line.IndexOf(' ');
        if (space <= 0)
        {
            return null;
        }

        var verb = line.Substring(0, space).Trim();
        var target = line.Substring(space + 1).Trim();
        if (verb.Length == 0 || !AllLetters(verb) || target.Length == 0 || target[0] != '/')
        {
            return null;
        }

        var question = target.IndexOf('?');
        var path = question < 0 ? target : target.Substring(0, question);
        var placeholders = new List<EndpointPlaceholder>();
        var at = 0;
        while ((at = path.IndexOf('{', at)) >= 0)
        {
            var end = path.IndexOf('}', at);
            var name = end < 0 ? string.Empty : path.Substring(at + 1, end - at - 1);
            if (!IsName(name))
            {
                return null;
            }

            placeholders.Add(new EndpointPlaceholder(name, name, inQuery: false, at, end + 1));
            at = end + 1;
        }

        var constants = new List<string>();
        if (question >= 0)
        {
            foreach (var pair in target.Substring(question + 1).Split('&'))
            {
                var equals = pair.IndexOf('=');
                var value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
                if (equals > 0 && value.Length >= 2 && value[0] == '{' && value[value.Length - 1] == '}')
                {
                    var name = value.Substring(1, value.Length - 2);
                    if (!IsName(name))
                    {
                        return null;
                    }

                    placeholders.Add(new EndpointPlaceholder(name, pair.Substring(0, equals), inQuery: true, -1, -1));
                }
                else
                {
                    constants.Add(pair);
                }
            }
        }

        return new EndpointLine(verb.ToUpperInvariant(), path, placeholders, constants);
    }

    /// <summary>The line split, or an error that shows the grammar.</summary>
    public static EndpointLine Read(string line) =>
        Parse(line) ?? throw new ArgumentException("'" + line + "' is not an endpoint line: write \"VERB /path[?key={name}&...]\", such as \"GET /v1/tasks/{task_id}\".", nameof(line));

    private static bool AllLetters(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsName(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}

/// <summary>A placeholder of an endpoint line: its name, the key it travels under, and where it sits in the path.</summary>
public sealed class EndpointPlaceholder
{
    /// <summary>Creates a placeholder; <paramref name="start"/> and <paramref name="end"/> are -1 in the query.</summary>
    public EndpointPlaceholder(string name, string key, bool inQuery, int start, int end)
    {
        Name = name;
        Key = key;
        InQuery = inQuery;
        Start = start;
        End = end;
    }

    /// <summary>The name between the braces: "task_id".</summary>
    public string Name { get; }

    /// <summary>The query key it is sent under; in the path, the name.</summary>
    public string Key { get; }

    /// <summary>Whether it is a query value rather than a path segment.</summary>
    public bool InQuery { get; }

    /// <summary>Where "{name}" starts in the path template; -1 in the query.</summary>
    public int Start { get; }

    /// <summary>Just after "{name}" in the path template; -1 in the query.</summary>
    public int End { get; }
}
