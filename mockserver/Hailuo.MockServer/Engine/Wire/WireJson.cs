using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hailuo.MockServer.Wire;

/// <summary>JSON settings of every answer: snake_case names as both dialects write them, nulls left out.</summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Answers are JSON only, never HTML: keep quotes and '&' readable in messages and URLs.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Request bodies: names come from the request type's attributes; numbers must be numbers, as on the real service.</summary>
    public static JsonSerializerOptions Requests { get; } = new()
    {
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
