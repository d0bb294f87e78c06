using System;
using Hailuo.Contracts.Generators.Model;

namespace Hailuo.Contracts.Vocabulary;

/// <summary>One word of a schema list and its description there.</summary>
internal sealed record Word(string Text, string Description)
{
    /// <summary>The C# member a word names: "first-and-last-frame" is FirstAndLastFrame.</summary>
    public string Member
    {
        get
        {
            var parts = Text.Split('-');
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = char.ToUpperInvariant(parts[i][0]) + parts[i].Substring(1);
            }

            return string.Concat(parts);
        }
    }
}

/// <summary>One list of the schema's $defs (its enum and enumDescriptions), in the schema's order.</summary>
internal sealed record WordList(string Name, string Description, EquatableArray<Word> Words);

/// <summary>The lists read from the schema, or the reason they could not be read.</summary>
internal sealed record SchemaVocabulary(EquatableArray<WordList> Lists, string? Problem)
{
    public static SchemaVocabulary Failed(string problem) => new(EquatableArray<WordList>.Empty, problem);
}
