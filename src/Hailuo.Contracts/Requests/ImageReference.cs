namespace Hailuo.Contracts;

/// <summary>An input image as the API takes it: a public http(s) URL or a base64 data URL.</summary>
public sealed class ImageReference
{
    private ImageReference(string value)
    {
        Value = value;
    }

    /// <summary>The URL or data URL as sent.</summary>
    public string Value { get; }

    /// <summary>A public image URL.</summary>
    public static ImageReference FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!ImageReferenceForm.IsHttpUrl(url.OriginalString))
        {
            throw new ArgumentException($"The image URL '{url}' must be an absolute http or https URL.", nameof(url));
        }

        return new ImageReference(url.OriginalString);
    }

    /// <summary>An image sent inline as data:image/...;base64,... from its bytes.</summary>
    /// <param name="bytes">The encoded image file.</param>
    /// <param name="mediaType">"image/jpeg", "image/png" or "image/webp".</param>
    public static ImageReference FromBytes(ReadOnlySpan<byte> bytes, string mediaType)
    {
        if (!ImageReferenceForm.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The media type '{mediaType}' is not allowed; allowed: {string.Join(", ", ImageReferenceForm.MediaTypes)}.", nameof(mediaType));
        }

        return new ImageReference("data:" + mediaType.ToLowerInvariant() + ";base64," + Convert.ToBase64String(bytes));
    }

    /// <summary>Parses a URL or data URL written as text, such as from configuration.</summary>
    public static ImageReference Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var problem = ImageReferenceForm.Check(value);
        return problem is null ? new ImageReference(value) : throw new ArgumentException(problem, nameof(value));
    }

    /// <inheritdoc/>
    public override string ToString() => ImageReferenceForm.Shorten(Value);
}
