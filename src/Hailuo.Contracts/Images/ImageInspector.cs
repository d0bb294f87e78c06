using System.Globalization;

namespace Hailuo.Contracts;

/// <summary>
/// Checks image bytes against the spec's image rules (<see cref="HailuoSpec.Images"/>): format, file size, short edge
/// and aspect ratio. Only headers are read; pixels are never decoded.
/// </summary>
public static class ImageInspector
{
    /// <summary>Checks the bytes of an image file against the spec's rules.</summary>
    public static ImageInspection Inspect(ReadOnlySpan<byte> bytes) => Inspect(bytes, HailuoSpec.Images);

    /// <summary>Checks the bytes of an image file against the given rules.</summary>
    public static ImageInspection Inspect(ReadOnlySpan<byte> bytes, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var header = ImageHeaderReader.Read(bytes);
        var problem = SizeProblem(bytes.Length, limits)
            ?? (header is { } h ? PixelProblem(h, limits) : FormatProblem(ImageHeaderReader.DescribeUnknown(bytes), limits));
        return new ImageInspection(header, bytes.Length, problem);
    }

    /// <summary>Decodes a data:image/...;base64,... URL and checks its bytes against the spec's rules.</summary>
    public static ImageInspection InspectDataUrl(string dataUrl) => InspectDataUrl(dataUrl, HailuoSpec.Images);

    /// <summary>Decodes a data:image/...;base64,... URL and checks its bytes against the given rules.</summary>
    public static ImageInspection InspectDataUrl(string dataUrl, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(dataUrl);
        ArgumentNullException.ThrowIfNull(limits);
        if (ImageReferenceForm.Check(dataUrl) is { } formProblem)
        {
            return new ImageInspection(null, 0, formProblem);
        }

        if (!dataUrl.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return new ImageInspection(null, 0, $"'{ImageReferenceForm.Shorten(dataUrl)}' is not a data URL; only data URLs carry bytes to inspect.");
        }

        var payload = dataUrl.AsSpan(dataUrl.IndexOf(',', StringComparison.Ordinal) + 1);
        var buffer = new byte[payload.Length / 4 * 3];
        return Convert.TryFromBase64Chars(payload, buffer, out var written)
            ? Inspect(buffer.AsSpan(0, written), limits)
            : new ImageInspection(null, 0, "The data URL's payload is not valid base64.");
    }

    /// <summary>Checks a local image file against the spec's rules; a file over the size limit is not read whole.</summary>
    public static ImageInspection InspectFile(string path) => InspectFile(path, HailuoSpec.Images);

    /// <summary>Checks a local image file against the given rules; a file over the size limit is not read whole.</summary>
    public static ImageInspection InspectFile(string path, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        var length = new FileInfo(path).Length;
        if (length >= limits.MaxBytes)
        {
            // Read only the start so the format and size can still be named.
            using var stream = File.OpenRead(path);
            var head = new byte[64 * 1024];
            var read = stream.Read(head, 0, head.Length);
            return new ImageInspection(ImageHeaderReader.Read(head.AsSpan(0, read)), length, SizeProblem(length, limits));
        }

        return Inspect(File.ReadAllBytes(path), limits);
    }

    private static string? SizeProblem(long length, ImageLimits limits) =>
        length < limits.MaxBytes ? null
            : $"The image has {Number(length)} bytes; it must be under {Number(limits.MaxBytes)} bytes ({Megabytes(limits.MaxBytes)}).";

    private static string FormatProblem(string found, ImageLimits limits) =>
        $"The image format is {found}; allowed: {string.Join(", ", limits.Formats)}.";

    private static string? PixelProblem(ImageHeader header, ImageLimits limits)
    {
        var size = $"The image is {Number(header.Width)}x{Number(header.Height)} pixels";
        if (!limits.Formats.Contains(header.Format.ToSpecName(), StringComparer.OrdinalIgnoreCase))
        {
            return FormatProblem(header.Format.ToSpecName(), limits);
        }

        if (header.ShortEdge <= limits.MinShortEdgeExclusive)
        {
            return $"{size}: its short edge of {Number(header.ShortEdge)} px must be over {Number(limits.MinShortEdgeExclusive)} px.";
        }

        if (!WithinAspectRatio(header, limits))
        {
            var bounds = limits.BoundsInclusive ? "bounds included" : "bounds excluded";
            return $"{size}: its aspect ratio {Reduced(header.Width, header.Height)} ({Ratio(header.Width, header.Height)}) is outside "
                + $"{limits.MinAspectRatio} ({Ratio(limits.MinAspectRatio.Width, limits.MinAspectRatio.Height)}) to "
                + $"{limits.MaxAspectRatio} ({Ratio(limits.MaxAspectRatio.Width, limits.MaxAspectRatio.Height)}), {bounds}.";
        }

        return null;
    }

    // Cross-multiplied in 64 bits so 2:5 and 5:2 compare exactly, with no rounding at the edges.
    private static bool WithinAspectRatio(ImageHeader header, ImageLimits limits)
    {
        long width = header.Width;
        long height = header.Height;
        var lower = (width * limits.MinAspectRatio.Height).CompareTo(height * limits.MinAspectRatio.Width);
        var upper = (width * limits.MaxAspectRatio.Height).CompareTo(height * limits.MaxAspectRatio.Width);
        return limits.BoundsInclusive ? lower >= 0 && upper <= 0 : lower > 0 && upper < 0;
    }

    private static string Reduced(int width, int height)
    {
        var divisor = Gcd(width, height);
        return Number(width / divisor) + ":" + Number(height / divisor);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static string Ratio(int width, int height) => ((double)width / height).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.##", CultureInfo.InvariantCulture) + " MB";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
