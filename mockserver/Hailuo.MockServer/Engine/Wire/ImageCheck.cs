using System.Buffers.Binary;
using Hailuo.Contracts;
using Hailuo.MockServer.Video;

namespace Hailuo.MockServer.Wire;

/// <summary>
/// Whether an image whose header passed the spec's rules is whole: a PNG is read to its end (and a first frame reduced to
/// the video's macroblocks), a JPEG must end its last scan, a WebP must hold the bytes its RIFF header counts.
/// </summary>
internal static class ImageCheck
{
    /// <summary>The bytes of a base64 data URL, or null when it has none.</summary>
    public static byte[]? Payload(string dataUrl)
    {
        var comma = dataUrl.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return null;
        }

        var payload = dataUrl.AsSpan(comma + 1);
        var buffer = new byte[payload.Length / 4 * 3];
        return !Convert.TryFromBase64Chars(payload, buffer, out var written) ? null : written == buffer.Length ? buffer : buffer[..written];
    }

    /// <summary>Null when the file is whole; otherwise why it cannot be decoded, in words.</summary>
    public static string? Whole(byte[] bytes, ImageFileFormat format, FrameGeometry? geometry, out LumaGrid? luma)
    {
        luma = null;
        return format switch
        {
            ImageFileFormat.Png => PngLuma.Read(bytes, geometry, out luma),
            ImageFileFormat.Jpeg => JpegEnds(bytes),
            _ => WebPEnds(bytes),
        };
    }

    private static string? JpegEnds(byte[] bytes)
    {
        // Entropy-coded data escapes 0xFF, so the end-of-image marker after the last start-of-scan closes the picture.
        var scan = bytes.AsSpan().LastIndexOf([(byte)0xFF, (byte)0xDA]);
        var end = bytes.AsSpan().LastIndexOf([(byte)0xFF, (byte)0xD9]);
        return scan >= 0 && end > scan ? null : "it is cut short: no end-of-image marker (FF D9) follows its last scan.";
    }

    private static string? WebPEnds(byte[] bytes)
    {
        if (bytes.Length < 12)
        {
            return "it is cut short: its RIFF header is incomplete.";
        }

        var counted = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        return counted + 8L <= bytes.Length ? null : $"it is cut short: its RIFF header counts {counted + 8L:N0} bytes and the file has {bytes.Length:N0}.";
    }
}
