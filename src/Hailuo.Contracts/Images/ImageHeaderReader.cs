using System.Buffers.Binary;

namespace Hailuo.Contracts;

/// <summary>Reads format and pixel size from the first bytes of JPEG, PNG and WebP files without decoding pixels.</summary>
/// <remarks>Ours, not MetadataExtractor's: its PNG reader needs every chunk before the first, so a file's first 64 KB would not do (docs/DESIGN.md).</remarks>
public static class ImageHeaderReader
{
    private static ReadOnlySpan<byte> PngSignature => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    /// <summary>The header, or null when the bytes are not a JPEG, PNG or WebP file whose size can be read.</summary>
    public static ImageHeader? Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            return ReadJpeg(bytes);
        }

        if (bytes.StartsWith(PngSignature))
        {
            return ReadPng(bytes);
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ReadWebP(bytes);
        }

        return null;
    }

    /// <summary>A name for bytes that are not an allowed format, such as "GIF", so a message can say what was sent.</summary>
    public static string DescribeUnknown(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return "empty";
        }

        if (bytes.StartsWith("GIF8"u8))
        {
            return "GIF";
        }

        if (bytes.StartsWith("BM"u8))
        {
            return "BMP";
        }

        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8))
        {
            return "TIFF";
        }

        if (bytes.Length >= 12 && bytes.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return "HEIF/AVIF or another ISO media file";
        }

        var shown = bytes[..Math.Min(bytes.Length, 8)].ToArray();
        return "unknown (starts with " + BitConverter.ToString(shown).Replace('-', ' ') + ")";
    }

    private static ImageHeader? ReadPng(ReadOnlySpan<byte> bytes)
    {
        // IHDR must be the first chunk: length(4) "IHDR" width(4) height(4), big-endian.
        if (bytes.Length < 24 || !bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(16, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(20, 4));
        return Sized(ImageFileFormat.Png, width, height);
    }

    private static ImageHeader? ReadJpeg(ReadOnlySpan<byte> bytes)
    {
        var position = 2;
        while (position + 4 <= bytes.Length)
        {
            if (bytes[position] != 0xFF)
            {
                return null;
            }

            var marker = bytes[position + 1];
            if (marker == 0xFF)
            {
                // Fill bytes may pad any marker.
                position++;
                continue;
            }

            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            {
                position += 2;
                continue;
            }

            if (marker == 0xD9 || marker == 0xDA)
            {
                // End of image or start of scan before any frame header: no size to read.
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 2, 2));
            if (length < 2)
            {
                return null;
            }

            if (IsStartOfFrame(marker))
            {
                if (position + 9 > bytes.Length)
                {
                    return null;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 5, 2));
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 7, 2));
                return Sized(ImageFileFormat.Jpeg, width, height);
            }

            position += 2 + length;
        }

        return null;
    }

    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    private static bool IsStartOfFrame(byte marker) => marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;

    private static ImageHeader? ReadWebP(ReadOnlySpan<byte> bytes)
    {
        // RIFF header (12) and chunk header (8), then at least the 10 bytes VP8 and VP8X need (VP8L needs 5).
        if (bytes.Length < 25)
        {
            return null;
        }

        var chunk = bytes.Slice(12, 4);
        var data = bytes[20..];
        if (data.Length < 10 && !chunk.SequenceEqual("VP8L"u8))
        {
            return null;
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height (little-endian, 2 scale bits on top).
            if (data[3] != 0x9D || data[4] != 0x01 || data[5] != 0x2A)
            {
                return null;
            }

            var width = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(6, 2)) & 0x3FFF;
            var height = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(8, 2)) & 0x3FFF;
            return Sized(ImageFileFormat.WebP, (uint)width, (uint)height);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Signature 0x2F, then width-1 and height-1 in 14 bits each, packed least significant bit first.
            if (data[0] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(1, 4));
            return Sized(ImageFileFormat.WebP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Flags(1) reserved(3), then canvas width-1 and height-1 as 24-bit little-endian numbers.
            var width = (uint)(data[4] | (data[5] << 8) | (data[6] << 16)) + 1;
            var height = (uint)(data[7] | (data[8] << 8) | (data[9] << 16)) + 1;
            return Sized(ImageFileFormat.WebP, width, height);
        }

        return null;
    }

    private static ImageHeader? Sized(ImageFileFormat format, uint width, uint height) =>
        width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue ? null : new ImageHeader(format, (int)width, (int)height);
}
