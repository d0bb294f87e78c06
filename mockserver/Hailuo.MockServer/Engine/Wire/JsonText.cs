using System.Text.Json;

namespace Hailuo.MockServer.Wire;

/// <summary>
/// What a JSON parser lets through but no client means: a field given twice (which value counts is a guess) and a lone
/// UTF-16 surrogate escape such as \ud800 (not text, and no answer or log could write it back).
/// </summary>
internal static class JsonText
{
    private const string Code = "HAILUO_JSON";

    /// <summary>
    /// The problems of a body (as UTF-8) that is already known to parse; each names the top-level field it is in. Only a
    /// \uD800-\uDFFF escape can be a lone surrogate: without one (<paramref name="hasSurrogateEscape"/> false), values
    /// (megabytes of base64) are not unescaped.
    /// </summary>
    public static IReadOnlyList<FieldProblem> Problems(ReadOnlyMemory<byte> utf8, bool hasSurrogateEscape)
    {
        var problems = new List<FieldProblem>();
        using var document = JsonDocument.Parse(utf8);
        Walk(document.RootElement, null, problems, hasSurrogateEscape);
        return problems;
    }

    private static void Walk(JsonElement element, string? field, List<FieldProblem> problems, bool surrogates)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryText(() => property.Name, out var name))
                    {
                        problems.Add(Surrogate(field ?? "body", "a field name"));
                        continue;
                    }

                    if (!names.Add(name))
                    {
                        problems.Add(new FieldProblem(field ?? name, Code, $"'{name}' is given more than once{(field is null ? string.Empty : $" inside '{field}'")}; send each field once."));
                    }

                    Walk(property.Value, field ?? name, problems, surrogates);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, field, problems, surrogates);
                }

                break;
            case JsonValueKind.String when surrogates && !TryText(element.GetString, out _):
                problems.Add(Surrogate(field ?? "body", "its text"));
                break;
        }
    }

    private static FieldProblem Surrogate(string field, string where) =>
        new(field, Code, $"'{field}' holds a lone UTF-16 surrogate escape (such as \\ud800) in {where}, which is not text: pair each \\ud800-\\udbff escape with a \\udc00-\\udfff one, or send the character itself.");

    private static bool TryText(Func<string?> read, out string text)
    {
        try
        {
            text = read() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }
}
