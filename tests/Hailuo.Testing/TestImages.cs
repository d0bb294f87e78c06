using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Hailuo.Testing;

/// <summary>
/// Small, real image files made in code: a grayscale PNG, a flat gray baseline JPEG, and WebP in its three forms.
/// The PNG, JPEG and lossless WebP decode; the lossy WebP carries a valid VP8 key-frame header only.
/// </summary>
public static class TestImages
{
    public static byte[] Png(int width, int height, int padToBytes = 0)
    {
        using var file = new MemoryStream();
        file.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grayscale), compression, filter and interlace 0
        Chunk(file, "IHDR", header);

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1];
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        Chunk(file, "IDAT", pixels.ToArray());
        var padding = padToBytes - (int)file.Length - 12 - 12;
        if (padding > 0)
        {
            // A private ancillary chunk: decoders skip it, the file just gets bigger.
            Chunk(file, "zzZz", new byte[padding]);
        }

        Chunk(file, "IEND", Array.Empty<byte>());
        return file.ToArray();
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var file = new MemoryStream();
        file.Write(new byte[] { 0xFF, 0xD8 });
        Segment(file, 0xE0, new byte[] { (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 });
        var quantization = new byte[65];
        Array.Fill(quantization, (byte)1, 1, 64);
        Segment(file, 0xDB, quantization);
        Segment(file, 0xC0, new byte[] { 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0 });

        // One code of length 1 in each table: DC difference 0 and end-of-block, so every 8x8 block is the two bits "00".
        var oneCode = new byte[17 + 1];
        oneCode[1] = 1;
        oneCode[0] = 0x00;
        Segment(file, 0xC4, oneCode);
        var acTable = (byte[])oneCode.Clone();
        acTable[0] = 0x10;
        Segment(file, 0xC4, acTable);
        Segment(file, 0xDA, new byte[] { 1, 1, 0x00, 0, 63, 0 });

        var blocks = ((width + 7) / 8) * ((height + 7) / 8);
        var bits = blocks * 2;
        var scan = new byte[(bits + 7) / 8];
        if (bits % 8 != 0)
        {
            scan[^1] = (byte)(0xFF >> (bits % 8)); // pad the last byte with 1 bits
        }

        file.Write(scan);
        file.Write(new byte[] { 0xFF, 0xD9 });
        return file.ToArray();
    }

    /// <summary>Lossless WebP (VP8L) of one transparent colour: five one-symbol prefix codes, zero bits per pixel.</summary>
    public static byte[] WebPLossless(int width, int height) => Riff(("VP8L", Vp8L(width, height)));

    /// <summary>Lossy WebP whose VP8 key-frame header states the size.</summary>
    public static byte[] WebPLossy(int width, int height)
    {
        var frame = new byte[10];
        frame[0] = 0x10; // key frame, version 0, shown; first partition size 0 is enough for a header reader
        frame[3] = 0x9D;
        frame[4] = 0x01;
        frame[5] = 0x2A;
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(8), (ushort)height);
        return Riff(("VP8 ", frame));
    }

    /// <summary>Extended WebP: a VP8X canvas header followed by the lossless image.</summary>
    public static byte[] WebPExtended(int width, int height)
    {
        var header = new byte[10];
        header[0] = 0x10; // alpha flag
        WriteUInt24(header.AsSpan(4), width - 1);
        WriteUInt24(header.AsSpan(7), height - 1);
        return Riff(("VP8X", header), ("VP8L", Vp8L(width, height)));
    }

    public static byte[] Gif(int width, int height)
    {
        var bytes = new byte[13];
        "GIF89a"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)height);
        return bytes;
    }

    public static string DataUrl(byte[] bytes, string mediaType) => "data:" + mediaType + ";base64," + Convert.ToBase64String(bytes);

    /// <summary>The smallest width x height with the given ratio whose short edge is over <paramref name="minShortEdgeExclusive"/>.</summary>
    public static (int Width, int Height) AtRatio(int ratioWidth, int ratioHeight, int minShortEdgeExclusive)
    {
        var factor = minShortEdgeExclusive / Math.Min(ratioWidth, ratioHeight) + 1;
        return (ratioWidth * factor, ratioHeight * factor);
    }

    private static byte[] Vp8L(int width, int height)
    {
        var bits = new BitPacker();
        bits.Write(0x2F, 8);
        bits.Write((uint)(width - 1), 14);
        bits.Write((uint)(height - 1), 14);
        bits.Write(1, 1); // alpha is used
        bits.Write(0, 3); // version
        bits.Write(0, 1); // no transform
        bits.Write(0, 1); // no colour cache
        bits.Write(0, 1); // no meta prefix codes
        for (var code = 0; code < 5; code++)
        {
            // Simple code, one symbol, 1-bit symbol value 0.
            bits.Write(1, 1);
            bits.Write(0, 1);
            bits.Write(0, 1);
            bits.Write(0, 1);
        }

        return bits.ToArray();
    }

    private static byte[] Riff(params (string Fourcc, byte[] Data)[] chunks)
    {
        using var body = new MemoryStream();
        body.Write("WEBP"u8);
        foreach (var (fourcc, data) in chunks)
        {
            body.Write(Encoding.ASCII.GetBytes(fourcc));
            var size = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(size, data.Length);
            body.Write(size);
            body.Write(data);
            if (data.Length % 2 == 1)
            {
                body.WriteByte(0);
            }
        }

        using var file = new MemoryStream();
        file.Write("RIFF"u8);
        var total = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(total, (int)body.Length);
        file.Write(total);
        body.Position = 0;
        body.CopyTo(file);
        return file.ToArray();
    }

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        file.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        file.Write(crc);
    }

    private static void Segment(Stream file, byte marker, byte[] data)
    {
        file.WriteByte(0xFF);
        file.WriteByte(marker);
        file.WriteByte((byte)((data.Length + 2) >> 8));
        file.WriteByte((byte)(data.Length + 2));
        file.Write(data);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Packs bits least significant first, as VP8L reads them.</summary>
    private sealed class BitPacker
    {
        private readonly List<byte> _bytes = new();
        private int _used;

        public void Write(uint value, int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (_used % 8 == 0)
                {
                    _bytes.Add(0);
                }

                if (((value >> i) & 1) != 0)
                {
                    _bytes[^1] |= (byte)(1 << (_used % 8));
                }

                _used++;
            }
        }

        public byte[] ToArray() => _bytes.ToArray();
    }
}
