using System.Text.Json;

namespace Hailuo.MockServer.Wire;

/// <summary>One answer as the engine writes it: status, headers and body (our own serialized JSON, or bytes).</summary>
internal sealed class WireAnswer
{
    public const string JsonType = "application/json; charset=utf-8";

    private WireAnswer(int status, string contentType, string? text, byte[]? bytes)
    {
        Status = status;
        ContentType = contentType;
        Text = text;
        Bytes = bytes;
    }

    public int Status { get; }

    public string ContentType { get; }

    public string? Text { get; }

    public byte[]? Bytes { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static WireAnswer Json(object value, int status = 200) =>
        new(status, JsonType, JsonSerializer.Serialize(value, value.GetType(), WireJson.Options), null);

    /// <summary>JSON already serialized with <see cref="WireJson.Options"/>, as UTF-8.</summary>
    public static WireAnswer Utf8Json(byte[] json, int status = 200) => new(status, JsonType, null, json);

    /// <summary>The file, or the part a single "bytes=first-last" range asks for (206), as a resumed download needs.</summary>
    public static WireAnswer File(byte[] bytes, string contentType, string? range = null)
    {
        if (ByteRange(range, bytes.Length) is not { } part)
        {
            return new WireAnswer(200, contentType, null, bytes).With("Accept-Ranges", "bytes");
        }

        return new WireAnswer(206, contentType, null, bytes[part.First..(part.Last + 1)])
            .With("Accept-Ranges", "bytes")
            .With("Content-Range", $"bytes {part.First}-{part.Last}/{bytes.Length}");
    }

    public static WireAnswer Empty(int status) => new(status, JsonType, string.Empty, null);

    private static (int First, int Last)? ByteRange(string? range, int length)
    {
        const string unit = "bytes=";
        if (range is null || !range.StartsWith(unit, StringComparison.OrdinalIgnoreCase) || range.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var bounds = range[unit.Length..].Split('-');
        var ok = int.TryParse(bounds[0], System.Globalization.CultureInfo.InvariantCulture, out var first);
        var last = bounds.Length > 1 && int.TryParse(bounds[1], System.Globalization.CultureInfo.InvariantCulture, out var end) ? Math.Min(end, length - 1) : length - 1;
        return ok && first <= last ? (first, last) : null;
    }

    /// <summary>The same answer (body and headers) under another HTTP status.</summary>
    public WireAnswer WithStatus(int status)
    {
        var copy = new WireAnswer(status, ContentType, Text, Bytes);
        foreach (var header in Headers)
        {
            copy.Headers[header.Key] = header.Value;
        }

        return copy;
    }

    public WireAnswer With(string header, string value)
    {
        Headers[header] = value;
        return this;
    }
}
