using System.Buffers.Binary;
using System.IO.Compression;

namespace Hailuo.MockServer.Video;

/// <summary>
/// Reads a PNG to its end: its chunks, then its compressed image data inflated row by row, so a file cut short or damaged
/// is named. An 8-bit, non-interlaced PNG (gray, RGB, gray+alpha or RGBA) is also turned into BT.709 luma averaged over
/// each macroblock of a video picture: enough to show a first frame, in a few kilobytes.
/// </summary>
internal static class PngLuma
{
    /// <summary>Larger pictures are not inflated: the header was checked, and the simulator stays quick.</summary>
    private const long MaxPixels = 64L * 1024 * 1024;

    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>
    /// Null when the PNG is whole (the mosaic is then set when <paramref name="geometry"/> is given and this reader
    /// decodes the PNG's kind); otherwise why the file cannot be decoded, in words.
    /// </summary>
    public static string? Read(byte[] png, FrameGeometry? geometry, out LumaGrid? mosaic)
    {
        mosaic = null;
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            return "it does not start with the PNG signature.";
        }

        var header = default(Header?);
        var ended = false;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length && !ended;)
        {
            if (at + 12 > png.Length)
            {
                return $"it is cut short: a chunk header at byte {at:N0} is incomplete.";
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (length < 0 || (long)at + 12 + length > png.Length)
            {
                return $"it is cut short: its {type} chunk at byte {at:N0} claims {length:N0} bytes and the file ends before them.";
            }

            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR" when data.Length >= 13:
                    header = new Header(BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[8], data[9], data[12]);
                    break;
                case "IHDR":
                    return "its IHDR chunk is shorter than 13 bytes.";
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }

            at += 12 + length;
        }

        if (header is not { } h || h.Channels == 0 || h.Width <= 0 || h.Height <= 0)
        {
            return "its IHDR chunk is missing or names no valid size and colour type.";
        }

        if (!ended)
        {
            return "it is cut short: it ends before its IEND chunk.";
        }

        if ((long)h.Width * h.Height > MaxPixels)
        {
            return null;
        }

        idat.Position = 0;
        try
        {
            using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
            return h.Decodable ? Decode(inflate, h, geometry, out mosaic) : Skip(inflate, h);
        }
        catch (InvalidDataException)
        {
            return "its compressed image data is damaged (not a valid zlib stream).";
        }
    }

    /// <summary>The decoded luma of a PNG this reader handles, or null.</summary>
    public static LumaGrid? Mosaic(byte[] png, FrameGeometry geometry) =>
        Read(png, geometry, out var mosaic) is null ? mosaic : null;

    private static string? Skip(Stream inflate, Header h)
    {
        var expected = h.Passes().Sum(p => (long)p.Rows * (p.Stride + 1));
        var buffer = new byte[64 * 1024];
        for (long read = 0; read < expected;)
        {
            var wanted = (int)Math.Min(buffer.Length, expected - read);
            var got = inflate.ReadAtLeast(buffer.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
            if (got < wanted)
            {
                return CutShort();
            }

            read += got;
        }

        return null;
    }

    private static string? Decode(Stream inflate, Header h, FrameGeometry? geometry, out LumaGrid? mosaic)
    {
        mosaic = null;
        var channels = h.Channels;
        var stride = h.Width * channels;
        var line = new byte[stride + 1];
        var previous = new byte[stride];
        var row = new byte[stride];
        var sums = geometry is { } g ? new long[g.MbCount] : null;
        var counts = geometry is { } c ? new int[c.MbCount] : null;

        // Each column's macroblock column, worked out once rather than per pixel.
        var columns = geometry is { } f ? Enumerable.Range(0, h.Width).Select(x => Math.Min((int)((long)x * f.Width / h.Width) / 16, f.WidthInMbs - 1)).ToArray() : [];
        for (var y = 0; y < h.Height; y++)
        {
            if (inflate.ReadAtLeast(line, line.Length, throwOnEndOfStream: false) < line.Length)
            {
                return CutShort();
            }

            line.AsSpan(1).CopyTo(row);
            Unfilter(line[0], row, previous, channels);
            if (geometry is { } frame)
            {
                var first = Math.Min((int)((long)y * frame.Height / h.Height) / 16, frame.HeightInMbs - 1) * frame.WidthInMbs;
                for (var x = 0; x < columns.Length; x++)
                {
                    var p = x * channels;

                    // Gray is R = G = B; both become limited-range BT.709 luma, as the video's pictures are.
                    var (r, gr, b) = channels < 3 ? (row[p], row[p], row[p]) : (row[p], row[p + 1], row[p + 2]);
                    var mb = first + columns[x];
                    sums![mb] += YuvColor.Luma(r, gr, b);
                    counts![mb]++;
                }
            }

            (previous, row) = (row, previous);
        }

        if (geometry is { } done)
        {
            mosaic = new LumaGrid(done.WidthInMbs, done.HeightInMbs, 128);
            for (var mb = 0; mb < sums!.Length; mb++)
            {
                if (counts![mb] > 0)
                {
                    mosaic[mb % done.WidthInMbs, mb / done.WidthInMbs] = (byte)((sums[mb] + (counts[mb] / 2)) / counts[mb]);
                }
            }
        }

        return null;
    }

    private static string CutShort() => "it is cut short: its compressed image data ends before the last row of pixels.";

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

    private readonly record struct Header(int Width, int Height, byte BitDepth, byte ColorType, byte Interlace)
    {
        public int Channels => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };

        public bool Decodable => BitDepth == 8 && Interlace == 0 && ColorType != 3;

        /// <summary>Rows and bytes per row of each pass: one pass, or Adam7's seven.</summary>
        public IEnumerable<(int Rows, int Stride)> Passes()
        {
            if (Interlace == 0)
            {
                yield return (Height, Stride(Width));
                yield break;
            }

            int[] x0 = [0, 4, 0, 2, 0, 1, 0], y0 = [0, 0, 4, 0, 2, 0, 1], dx = [8, 8, 4, 4, 2, 2, 1], dy = [8, 8, 8, 4, 4, 2, 2];
            for (var pass = 0; pass < 7; pass++)
            {
                var width = (Width - x0[pass] + dx[pass] - 1) / dx[pass];
                var height = (Height - y0[pass] + dy[pass] - 1) / dy[pass];
                if (width > 0 && height > 0)
                {
                    yield return (height, Stride(width));
                }
            }
        }

        private int Stride(int width) => (int)(((long)width * Channels * BitDepth + 7) / 8);
    }
}
