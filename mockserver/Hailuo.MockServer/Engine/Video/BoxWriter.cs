using System.Buffers.Binary;
using System.Text;

namespace Hailuo.MockServer.Video;

/// <summary>Big-endian ISO-BMFF box builder; box sizes are patched in when a box is closed.</summary>
internal sealed class BoxWriter
{
    private readonly List<byte> _bytes = [];
    private readonly Stack<int> _open = new();

    public int Length => _bytes.Count;

    public void Begin(string type)
    {
        _open.Push(_bytes.Count);
        WriteUInt32(0);
        WriteFourCc(type);
    }

    /// <summary>Opens a FullBox: a box followed by an 8-bit version and 24-bit flags.</summary>
    public void BeginFull(string type, byte version = 0, uint flags = 0)
    {
        Begin(type);
        WriteUInt32(((uint)version << 24) | (flags & 0xFFFFFF));
    }

    public void End()
    {
        var start = _open.Pop();
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(size, (uint)(_bytes.Count - start));
        for (var i = 0; i < 4; i++)
        {
            _bytes[start + i] = size[i];
        }
    }

    public void WriteUInt8(byte value) => _bytes.Add(value);

    public void WriteUInt16(ushort value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(buffer, value);
        WriteBytes(buffer);
    }

    public void WriteUInt32(uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
        WriteBytes(buffer);
    }

    public void WriteFourCc(string type) => WriteBytes(Encoding.ASCII.GetBytes(type));

    public void WriteZeros(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _bytes.Add(0);
        }
    }

    public void WriteBytes(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            _bytes.Add(b);
        }
    }

    /// <summary>The 3x3 unity transformation matrix used by mvhd and tkhd.</summary>
    public void WriteUnityMatrix()
    {
        uint[] matrix = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];
        foreach (var value in matrix)
        {
            WriteUInt32(value);
        }
    }

    public byte[] ToArray()
    {
        if (_open.Count != 0)
        {
            throw new InvalidOperationException("A box is still open.");
        }

        return [.. _bytes];
    }
}
