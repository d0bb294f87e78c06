using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hailuo.Contracts;

namespace Hailuo.MockServer.Wire;

/// <summary>
/// Reads a submit body field by field, so a value of the wrong kind is answered in words (the field, the value, what is
/// allowed) rather than with a serializer's type names; well-formed fields are then checked by the spec's validators.
/// </summary>
internal static class RequestReader
{
    private const string Code = "HAILUO_JSON";

    /// <summary>Refuses a lone surrogate instead of writing U+FFFD for it.</summary>
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (VideoGenerationRequest? Request, IReadOnlyList<FieldProblem> Problems) Read(string body, IReadOnlyList<ProviderInfo> providers)
    {
        JsonObject? root;
        byte[] utf8;
        try
        {
            // Parsed from UTF-8 made once: System.Text.Json parsing a string rents a buffer of three bytes a character
            // (64 MB for an image) from the shared array pool, which keeps it long after the request.
            utf8 = StrictUtf8.GetBytes(body);
            root = JsonNode.Parse(utf8) as JsonObject;
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, character {ex.BytePositionInLine + 1})" : string.Empty;
            return (null, new[] { new FieldProblem("body", Code, $"The body is not valid JSON{where}: send one JSON object with at least 'model' and 'prompt'.") });
        }
        catch (ArgumentException)
        {
            // A host that hands over text with a lone surrogate: no UTF-8 encoding of it exists.
            return (null, new[] { new FieldProblem("body", Code, "The body is not valid Unicode text (it holds a lone UTF-16 surrogate): send UTF-8 JSON.") });
        }

        if (root is null)
        {
            return (null, new[] { new FieldProblem("body", Code, "The body must be a JSON object with at least 'model' and 'prompt'.") });
        }

        if (JsonText.Problems(utf8, body.Contains("\\ud", StringComparison.OrdinalIgnoreCase)) is { Count: > 0 } textProblems)
        {
            return (null, textProblems);
        }

        var wrong = new List<(string Field, JsonNode? Value)>();
        foreach (var (name, value) in root.ToList())
        {
            if (!Fits(name, value))
            {
                wrong.Add((name, value));
                root.Remove(name);
            }
        }

        // What is left is well-formed, so the serializer cannot fail on it; it gives the context for the messages. The body
        // itself is read when nothing was removed: writing the node back escapes an image's base64 into a pooled 128 MB buffer.
        var request = (wrong.Count == 0 ? JsonSerializer.Deserialize<VideoGenerationRequest>(utf8, WireJson.Requests) : root.Deserialize<VideoGenerationRequest>(WireJson.Requests)) ?? new VideoGenerationRequest();
        var problems = wrong.Select(w => new FieldProblem(w.Field, Code, $"'{w.Field}' is {Shown(w.Value)}: {Allowed(w.Field, request, providers)}")).ToList();
        return (problems.Count == 0 ? request : null, problems);
    }

    private static bool Fits(string field, JsonNode? value) => value is null || field switch
    {
        "duration" => value is JsonValue v && v.TryGetValue<int>(out _) && v.GetValueKind() == JsonValueKind.Number,
        "prompt_optimizer" or "fast_pretreatment" or "watermark" => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "subject_reference" => value is JsonArray subjects && subjects.All(s => s is JsonObject subject && FitsSubject(subject)),
        "model" or "prompt" or "resolution" or "first_frame_image" or "last_frame_image" or "callback_url" => value.GetValueKind() == JsonValueKind.String,

        // Fields the API does not know are ignored, as the real service does.
        _ => true,
    };

    private static bool FitsSubject(JsonObject subject) =>
        (!subject.ContainsKey("type") || subject["type"]?.GetValueKind() == JsonValueKind.String)
        && (!subject.ContainsKey("image") || (subject["image"] is JsonArray images && images.All(i => i?.GetValueKind() == JsonValueKind.String)));

    /// <summary>The value in words: its JSON text (shortened) and what kind of value it is.</summary>
    private static string Shown(JsonNode? value)
    {
        var kind = value?.GetValueKind() switch
        {
            JsonValueKind.String => "text",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            JsonValueKind.Array => "a list",
            JsonValueKind.Object => "an object",
            _ => "null",
        };
        var text = value?.ToJsonString() ?? "null";
        return (text.Length > 60 ? text[..57] + "..." : text) + " (" + kind + ")";
    }

    private static string Allowed(string field, VideoGenerationRequest request, IReadOnlyList<ProviderInfo> providers) => field switch
    {
        "model" => $"it must be a model id as text; allowed: {string.Join(", ", providers.SelectMany(p => p.Models).Select(m => m.Id).Distinct())}.",
        "prompt" => $"it must be text describing the scene, at most {HailuoSpec.Prompt.MaxLength.ToString("N0", CultureInfo.InvariantCulture)} characters.",
        "duration" => "it must be a whole number of seconds; " + Durations(request, providers) + ".",
        "resolution" => "it must be text; allowed: " + Resolutions(request, providers) + ".",
        "prompt_optimizer" or "fast_pretreatment" or "watermark" => "it must be true or false.",
        "first_frame_image" or "last_frame_image" => "it must be text: a public http(s) URL or a data URL (" + string.Join(", ", ImageReferenceForm.MediaTypes) + ").",
        "subject_reference" => "it must be a list of objects such as {\"type\":\"character\",\"image\":[\"https://...\"]}, each image a URL or data URL as text.",
        _ => "it must be an absolute http or https URL as text that accepts POST.",
    };

    private static string Durations(VideoGenerationRequest request, IReadOnlyList<ProviderInfo> providers)
    {
        var rows = Rows(request, providers);
        var asked = request.Resolution;
        var row = asked is null ? null : rows.FirstOrDefault(r => string.Equals(r.Resolution, asked, StringComparison.OrdinalIgnoreCase));
        return row is not null
            ? $"allowed for {row.Resolution}: {string.Join(", ", row.Durations)}"
            : "allowed: " + string.Join("; ", rows.GroupBy(r => r.Resolution, StringComparer.OrdinalIgnoreCase).Select(g => $"{g.Key}: {string.Join(", ", g.SelectMany(r => r.Durations).Distinct().Order())}"));
    }

    private static string Resolutions(VideoGenerationRequest request, IReadOnlyList<ProviderInfo> providers)
    {
        var names = Rows(request, providers).Select(r => r.Resolution).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return string.Join(", ", names.Select(n => providers.Count > 0 ? providers[0].WireResolution(n) : n));
    }

    /// <summary>The matrix rows the request's model offers in its mode; every model's rows when the model is unknown.</summary>
    private static List<MatrixRow> Rows(VideoGenerationRequest request, IReadOnlyList<ProviderInfo> providers)
    {
        var models = providers.Select(p => p.FindModel(request.Model)).OfType<ModelInfo>().ToList();
        if (models.Count == 0)
        {
            models = providers.SelectMany(p => p.Models).ToList();
        }

        var mode = request.EffectiveMode();
        return models.Select(m => m.FindMode(mode) ?? (m.Modes.Count > 0 ? m.Modes[0] : null)).OfType<ModeInfo>().SelectMany(m => m.Matrix).ToList();
    }
}
