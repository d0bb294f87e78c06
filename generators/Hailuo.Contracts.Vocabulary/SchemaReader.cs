using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Hailuo.Contracts.Generators.Json;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Vocabulary;

/// <summary>Reads the word lists the emitter knows from a schema's $defs: each an enum with one enumDescription per word.</summary>
internal static class SchemaReader
{
    // Lower-case words joined by hyphens, so each one names a C# member.
    private static readonly Regex WordPattern = new("^[a-z]+(-[a-z]+)*$", RegexOptions.CultureInvariant);

    public static SchemaVocabulary Read(string text, IEnumerable<string> names)
    {
        JsonNode root;
        try
        {
            root = JsonReader.Parse(text);
        }
        catch (JsonSyntaxException e)
        {
            return SchemaVocabulary.Failed("the schema is not valid JSON: " + e.Message);
        }

        if (root is not JsonObject schema || schema.Find("$defs")?.Value is not JsonObject defs)
        {
            return SchemaVocabulary.Failed("the schema has no \"$defs\" object");
        }

        var lists = new List<WordList>();
        foreach (var name in names)
        {
            if (defs.Find(name)?.Value is not JsonObject list)
            {
                return SchemaVocabulary.Failed($"\"$defs\" has no \"{name}\" object");
            }

            var words = Strings(list, "enum");
            var descriptions = Strings(list, "enumDescriptions");
            if (words is null || descriptions is null || words.Count == 0 || words.Count != descriptions.Count)
            {
                return SchemaVocabulary.Failed($"\"$defs.{name}\" needs an \"enum\" of strings and one \"enumDescriptions\" string per word");
            }

            if (words.FirstOrDefault(w => !WordPattern.IsMatch(w)) is { } bad)
            {
                return SchemaVocabulary.Failed($"\"$defs.{name}\" has the word \"{bad}\"; words are lower-case letters joined by hyphens, such as \"text-to-video\"");
            }

            var description = (list.Find("description")?.Value as JsonString)?.Value ?? string.Empty;
            lists.Add(new WordList(name, description, words.Select((w, i) => new Word(w, descriptions[i])).ToEquatableArray()));
        }

        return new SchemaVocabulary(lists.ToEquatableArray(), null);
    }

    private static List<string>? Strings(JsonObject owner, string property) =>
        owner.Find(property)?.Value is JsonArray array && array.Items.All(i => i is JsonString)
            ? array.Items.Select(i => ((JsonString)i).Value).ToList()
            : null;
}
