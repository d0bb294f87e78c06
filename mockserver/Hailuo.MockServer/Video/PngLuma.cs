using System.Buffers.Binary;
using System.IO.Compression;

namespace Hailuo.MockServer.Video;

/// <summary>Decodes an 8-bit, non-interlaced PNG (gray, RGB, gray+alpha or RGBA) to BT.709 luma: enough to show a first frame.</summary>
internal static class PngLuma
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>The image's luma samples, or null when it is not a PNG this reader handles.</summary>
    public static (int Width, int Height, byte[] Luma)? Decode(byte[] png)
    {
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            return null;
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (length < 0 || at + 12 + length > png.Length)
            {
                return null;
            }

            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                channels = data[9] switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
                if (data[8] != 8 || data[12] != 0 || channels == 0)
                {
                    return null;
                }
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        if (width <= 0 || height <= 0 || (long)width * height > 64L * 1024 * 1024)
        {
            return null;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        inflate.ReadExactly(raw);
        var previous = new byte[stride];
        var row = new byte[stride];
        var luma = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            raw.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(row);
            Unfilter(filter, row, previous, channels);
            for (var x = 0; x < width; x++)
            {
                var p = x * channels;
                // Gray is R = G = B; both become limited-range BT.709 luma, as the video's pictures are.
                var (r, g, b) = channels < 3 ? (row[p], row[p], row[p]) : (row[p], row[p + 1], row[p + 2]);
                luma[(y * width) + x] = (byte)YuvColor.FromRgb(r, g, b).Y;
            }

            (previous, row) = (row, previous);
        }

        return (width, height, luma);
    }

    private static void Unfilter(byte filter, byte[] row, byte[] previous, int bpp)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
            row[i] = (byte)(row[i] + filter switch
            {
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                4 => Paeth(a, b, c),
                _ => 0,
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
