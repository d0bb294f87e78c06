namespace Hailuo.MockServer.Video;

/// <summary>Most-significant-bit-first writer for H.264 RBSP syntax elements.</summary>
internal sealed class BitWriter
{
    private readonly List<byte> _bytes = [];
    private int _current;
    private int _used;

    /// <summary>Writes the low <paramref name="count"/> bits of <paramref name="value"/>, high bit first.</summary>
    public void WriteBits(uint value, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            WriteBit((value >> i) & 1u);
        }
    }

    public void WriteBit(uint bit)
    {
        _current = (_current << 1) | (int)(bit & 1u);
        _used++;
        if (_used == 8)
        {
            _bytes.Add((byte)_current);
            _current = 0;
            _used = 0;
        }
    }

    public void WriteFlag(bool flag) => WriteBit(flag ? 1u : 0u);

    /// <summary>Unsigned Exp-Golomb code ue(v).</summary>
    public void WriteUe(uint value)
    {
        // Exp-Golomb writes value+1 in binary, preceded by one zero per bit after its leading one.
        var codeNum = (ulong)value + 1;
        var length = 64 - System.Numerics.BitOperations.LeadingZeroCount(codeNum);
        WriteBits(0, length - 1);
        for (var i = length - 1; i >= 0; i--)
        {
            WriteBit((uint)(codeNum >> i) & 1u);
        }
    }

    /// <summary>Signed Exp-Golomb code se(v).</summary>
    public void WriteSe(int value)
    {
        // Positive k maps to 2k-1 and non-positive k to -2k.
        var mapped = value > 0 ? (2L * value) - 1 : -2L * value;
        WriteUe((uint)mapped);
    }

    /// <summary>rbsp_trailing_bits: a stop bit then zero bits up to the byte boundary.</summary>
    public void WriteTrailingBits()
    {
        WriteBit(1);
        while (_used != 0)
        {
            WriteBit(0);
        }
    }

    public byte[] ToArray()
    {
        if (_used != 0)
        {
            throw new InvalidOperationException("RBSP must end on a byte boundary.");
        }

        return [.. _bytes];
    }
}
