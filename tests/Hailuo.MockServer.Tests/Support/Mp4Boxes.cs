using System.Buffers.Binary;
using System.Text;

namespace Hailuo.MockServer.Tests.Support;

/// <summary>What an MP4's boxes say about its video track, read without any decoder.</summary>
public sealed record Mp4Facts(string MajorBrand, double DurationSeconds, int Width, int Height, int SampleCount, int Timescale);

/// <summary>A minimal ISO-BMFF reader: ftyp, moov/mvhd, trak/tkhd, mdia/mdhd, stbl/stsz.</summary>
public static class Mp4Boxes
{
    private static readonly string[] Containers = { "moov", "trak", "mdia", "minf", "stbl" };

    public static Mp4Facts Read(byte[] file)
    {
        var boxes = new Dictionary<string, ReadOnlyMemory<byte>>();
        Walk(file, boxes);
        var ftyp = boxes["ftyp"].Span;
        var mdhd = boxes["mdhd"].Span;
        var timescale = BinaryPrimitives.ReadInt32BigEndian(mdhd[(4 + 8)..]);
        var duration = BinaryPrimitives.ReadUInt32BigEndian(mdhd[(4 + 12)..]);
        var tkhd = boxes["tkhd"].Span;
        var width = BinaryPrimitives.ReadInt32BigEndian(tkhd[^8..]) >> 16;
        var height = BinaryPrimitives.ReadInt32BigEndian(tkhd[^4..]) >> 16;
        var samples = BinaryPrimitives.ReadInt32BigEndian(boxes["stsz"].Span[(4 + 4)..]);
        return new Mp4Facts(Encoding.ASCII.GetString(ftyp[..4]), (double)duration / timescale, width, height, samples, timescale);
    }

    private static void Walk(ReadOnlyMemory<byte> data, Dictionary<string, ReadOnlyMemory<byte>> found)
    {
        var position = 0;
        while (position + 8 <= data.Length)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(data.Span[position..]);
            var type = Encoding.ASCII.GetString(data.Span.Slice(position + 4, 4));
            if (size < 8 || position + size > data.Length)
            {
                throw new InvalidDataException($"Box '{type}' at {position} has the impossible size {size}.");
            }

            var content = data.Slice(position + 8, size - 8);
            found.TryAdd(type, content);
            if (Containers.Contains(type))
            {
                Walk(content, found);
            }

            position += size;
        }
    }
}
