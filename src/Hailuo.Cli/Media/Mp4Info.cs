using System.Buffers.Binary;

namespace Hailuo.Cli.Media;

/// <summary>Width, height and duration read from an MP4's boxes (mvhd, tkhd), so the CLI can say what it downloaded.</summary>
internal sealed record Mp4Info(int Width, int Height, TimeSpan Duration)
{
    public static Mp4Info? Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var moov = Find(bytes, 0, bytes.Length, "moov");
        if (moov is not { } m)
        {
            return null;
        }

        var mvhd = Find(bytes, m.Start, m.End, "mvhd");
        if (mvhd is not { } header)
        {
            return null;
        }

        var version = bytes[header.Start];
        var timescale = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(header.Start + (version == 1 ? 20 : 12)));
        var duration = version == 1
            ? BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(header.Start + 24))
            : BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(header.Start + 16));
        var (width, height) = (0, 0);
        for (var trak = Find(bytes, m.Start, m.End, "trak"); trak is { } t; trak = Find(bytes, t.End, m.End, "trak"))
        {
            if (Find(bytes, t.Start, t.End, "tkhd") is { } tkhd)
            {
                // Width and height are the last two 16.16 fixed-point fields of tkhd.
                var w = (int)(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(tkhd.End - 8)) >> 16);
                var h = (int)(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(tkhd.End - 4)) >> 16);
                if (w > 0 && h > 0)
                {
                    (width, height) = (w, h);
                }
            }
        }

        return timescale == 0 ? null : new Mp4Info(width, height, TimeSpan.FromSeconds((double)duration / timescale));
    }

    /// <summary>The payload range of the first box of a type between start and end.</summary>
    private static (int Start, int End)? Find(byte[] bytes, int start, int end, string type)
    {
        var position = start;
        while (position + 8 <= end)
        {
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position));
            var header = 8;
            if (size == 1 && position + 16 <= end)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(position + 8));
                header = 16;
            }
            else if (size == 0)
            {
                size = end - position;
            }

            if (size < header || position + size > end)
            {
                return null;
            }

            if (System.Text.Encoding.ASCII.GetString(bytes, position + 4, 4) == type)
            {
                return (position + header, (int)(position + size));
            }

            position += (int)size;
        }

        return null;
    }
}
