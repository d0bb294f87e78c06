using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Hailuo.Contracts.Generators.Model;
using Hailuo.Contracts.Generators.Parsing;

namespace Hailuo.Contracts.Generators.Analysis;

/// <summary>
/// Spec models by the spec's text, so the analyzer parses a spec once per content rather than once per compilation
/// (an IDE starts a compilation on every keystroke). The few most recent texts are kept; the path only names
/// the file in the parser's diagnostics, which the analyzer does not report.
/// </summary>
internal static class SpecCache
{
    private const int Capacity = 16;
    private static readonly object Gate = new();
    private static readonly LinkedList<(string Text, SpecModel? Model)> Recent = new();

    /// <summary>The model of this spec text (null when it does not parse), parsed only when the text is new.</summary>
    public static SpecModel? Model(string path, string text, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            for (var node = Recent.First; node is not null; node = node.Next)
            {
                if (string.Equals(node.Value.Text, text, System.StringComparison.Ordinal))
                {
                    Recent.Remove(node);
                    Recent.AddFirst(node);
                    return node.Value.Model;
                }
            }
        }

        var model = SpecParser.Parse(path, text, cancellationToken).Model;
        lock (Gate)
        {
            Recent.AddFirst((text, model));
            while (Recent.Count > Capacity)
            {
                Recent.RemoveLast();
            }
        }

        return model;
    }

    /// <summary>Whether the cache holds a model of this text, and in how many entries (one, when each text is parsed once).</summary>
    public static bool Holds(string text, out int entries)
    {
        lock (Gate)
        {
            entries = Recent.Count(e => string.Equals(e.Text, text, System.StringComparison.Ordinal));
            return entries > 0;
        }
    }
}
