using System.Globalization;

namespace Hailuo.Contracts;

/// <summary>The two forms an image reference may take on the wire, checked without fetching or decoding anything.</summary>
public static class ImageReferenceForm
{
    /// <summary>Media types a data URL may carry.</summary>
    public static IReadOnlyList<string> MediaTypes { get; } = new[] { "image/jpeg", "image/png", "image/webp" };

    /// <summary>Whether the text is an absolute http or https URL.</summary>
    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    /// <summary>Null when the value is a usable URL or data URL; otherwise what is wrong and what is allowed.</summary>
    public static string? Check(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "The image is empty; use a public http(s) URL or a data URL such as data:image/jpeg;base64,...";
        }

        if (!value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return IsHttpUrl(value) ? null : $"'{Shorten(value)}' is neither a public http(s) URL nor a data URL such as data:image/jpeg;base64,...";
        }

        var comma = value.IndexOf(',', StringComparison.Ordinal);
        var header = comma < 0 ? value : value[..comma];
        var mediaType = header["data:".Length..].Split(';')[0];
        if (!MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return $"The data URL has the media type '{mediaType}'; allowed: {string.Join(", ", MediaTypes)}.";
        }

        if (comma < 0 || !header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            return "The data URL must be base64 encoded: data:" + mediaType + ";base64,...";
        }

        var payload = value.AsSpan(comma + 1);
        if (payload.IsEmpty || payload.Length % 4 != 0 || !IsBase64(payload))
        {
            return "The data URL's payload is not valid base64.";
        }

        return null;
    }

    /// <summary>A value short enough for an error message; data URLs show only their header and length.</summary>
    public static string Shorten(string value)
    {
        if (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = value.IndexOf(',', StringComparison.Ordinal);
            var header = comma < 0 ? value[..Math.Min(value.Length, 40)] : value[..(comma + 1)];
            return header + "... (" + value.Length.ToString("N0", CultureInfo.InvariantCulture) + " characters)";
        }

        return value.Length <= 120 ? value : value[..117] + "...";
    }

    private static bool IsBase64(ReadOnlySpan<char> payload)
    {
        for (var i = 0; i < payload.Length; i++)
        {
            var c = payload[i];
            var ok = char.IsAsciiLetterOrDigit(c) || c == '+' || c == '/' || (c == '=' && i >= payload.Length - 2);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
