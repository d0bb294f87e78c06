using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hailuo.Jobs;

/// <summary>
/// Reads a storyboard file (spec/storyboard.schema.json); a file that does not fit gets one error naming the field, the
/// value and what is allowed. Whether the shots can be made is the planner's to say.
/// </summary>
public static class StoryboardFile
{
    /// <summary>Reads the storyboard at <paramref name="path"/>.</summary>
    /// <exception cref="StoryboardException">The file is not JSON, or holds a field the schema does not allow.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static Storyboard Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Reads a storyboard from <paramref name="json"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="StoryboardException">The text is not JSON, or holds a field the schema does not allow.</exception>
    public static Storyboard Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, StoryboardJsonContext.Default.Storyboard)
                ?? throw new StoryboardException($"{source}: the file holds null; it must be a storyboard object with 'model' and 'shots'.");
        }
        catch (JsonException e)
        {
            throw new StoryboardException($"{source}: {Explain(json, e)}", e);
        }
    }

    private static string Explain(string json, JsonException error)
    {
        var line = error.LineNumber is { } n ? $" (line {n + 1})" : string.Empty;
        if (error.Path is not { Length: > 1 } path || Value(json, path) is not { } value)
        {
            return $"not a storyboard{line}: {error.Message}";
        }

        var (owner, field) = Locate(path);
        var property = owner.Properties.FirstOrDefault(p => p.Name == field);
        if (property is null)
        {
            // System.Text.Json names the unknown member in Path only after reading it: the schema allows no other fields.
            return $"'{path.TrimStart('$', '.')}' is not a storyboard field{line}; allowed here: {string.Join(", ", owner.Properties.Select(p => p.Name))}.";
        }

        return $"'{path.TrimStart('$', '.')}' is {value}{line}; it must be {(property.Name == "take" ? "a take number, 1 or more" : Expected(property.PropertyType))}.";
    }

    // The type whose member the path's last segment names: a shot under "shots[i]", else the storyboard.
    private static (JsonTypeInfo Owner, string Field) Locate(string path)
    {
        var last = path[(path.LastIndexOf('.') + 1)..];
        var field = last.Contains('[', StringComparison.Ordinal) ? last[..last.IndexOf('[', StringComparison.Ordinal)] : last;
        var inShot = path.StartsWith("$.shots[", StringComparison.Ordinal) && path.IndexOf('.', 2) > 0;
        return (inShot ? StoryboardJsonContext.Default.Shot : StoryboardJsonContext.Default.Storyboard, field);
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(StoryboardMode) => "one of " + string.Join(", ", Enum.GetNames<StoryboardMode>()),
        _ when type == typeof(int?) || type == typeof(int) => "a whole number of seconds",
        _ when type == typeof(IList<Shot>) => "a list of shots, each an object with a 'prompt'",
        _ when type == typeof(IList<string>) => "a list of strings",
        _ => "a string",
    };

    // The raw JSON at a path such as "$.shots[0].camera", or the last part that exists along it.
    private static string? Value(string json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var node = document.RootElement;
            foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = part.Split('[')[0];
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
                {
                    return node.GetRawText();
                }

                foreach (var index in part.Split('[').Skip(1).Select(i => int.Parse(i.TrimEnd(']'), System.Globalization.CultureInfo.InvariantCulture)))
                {
                    if (node.ValueKind != JsonValueKind.Array || index >= node.GetArrayLength())
                    {
                        return node.GetRawText();
                    }

                    node = node[index];
                }
            }

            return node.GetRawText();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Source-generated JSON for storyboard files: comments and trailing commas allowed, unknown fields refused.</summary>
[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(Storyboard))]
internal sealed partial class StoryboardJsonContext : JsonSerializerContext;
