namespace Hailuo.MockServer.Video;

/// <summary>Wraps an RBSP into a NAL unit (header plus emulation prevention).</summary>
internal static class NalUnit
{
    public const int SliceNonIdr = 1;
    public const int SliceIdr = 5;
    public const int SequenceParameterSet = 7;
    public const int PictureParameterSet = 8;

    public static byte[] Create(int nalRefIdc, int nalUnitType, byte[] rbsp)
    {
        var output = new List<byte>(rbsp.Length + 8) { (byte)((nalRefIdc << 5) | nalUnitType) };
        var zeros = 0;
        foreach (var b in rbsp)
        {
            // Two zero bytes followed by 0..3 would read as a start code, so an 0x03 is inserted.
            if (zeros >= 2 && b <= 3)
            {
                output.Add(3);
                zeros = 0;
            }

            output.Add(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }

        return [.. output];
    }
}
