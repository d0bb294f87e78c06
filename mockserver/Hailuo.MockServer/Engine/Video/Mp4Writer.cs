using System.Buffers.Binary;

namespace Hailuo.MockServer.Video;

/// <summary>Writes ftyp, moov (before the media, for progressive playback) and one mdat chunk.</summary>
internal static class Mp4Writer
{
    private const uint MovieTimescale = 1000;

    public static void Write(Stream output, H264Stream video, int frameCount, int framesPerSecond)
    {
        // Each sample is one NAL unit behind a 4-byte big-endian length (avcC lengthSizeMinusOne = 3).
        var sampleSizes = new uint[frameCount];
        long mediaBytes = 0;
        for (var i = 0; i < frameCount; i++)
        {
            sampleSizes[i] = (uint)(video.GetFrame(i).Length + 4);
            mediaBytes += sampleSizes[i];
        }

        var track = new TrackInfo(video, sampleSizes, framesPerSecond, MovieTimescale);
        var ftyp = CreateFtyp();

        // The moov size does not depend on the chunk offset value, so a first pass measures it.
        var moovLength = CreateMoov(track, chunkOffset: 0).Length;
        var mdatHeader = 8L;
        var chunkOffset = ftyp.Length + moovLength + mdatHeader;
        if (chunkOffset + mediaBytes > uint.MaxValue)
        {
            throw new InvalidOperationException("The video would exceed the 32-bit box sizes this writer uses.");
        }

        output.Write(ftyp);
        output.Write(CreateMoov(track, (uint)chunkOffset));

        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)(mediaBytes + mdatHeader));
        "mdat"u8.CopyTo(header[4..]);
        output.Write(header);

        Span<byte> length = stackalloc byte[4];
        for (var i = 0; i < frameCount; i++)
        {
            var nal = video.GetFrame(i);
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)nal.Length);
            output.Write(length);
            output.Write(nal);
        }
    }

    private static byte[] CreateFtyp()
    {
        var box = new BoxWriter();
        box.Begin("ftyp");
        box.WriteFourCc("isom");
        box.WriteUInt32(0x200);
        foreach (var brand in new[] { "isom", "iso2", "avc1", "mp41" })
        {
            box.WriteFourCc(brand);
        }

        box.End();
        return box.ToArray();
    }

    private static byte[] CreateMoov(TrackInfo track, uint chunkOffset)
    {
        var box = new BoxWriter();
        box.Begin("moov");
        box.BeginFull("mvhd");
        box.WriteUInt32(0); // creation_time: fixed so output is deterministic
        box.WriteUInt32(0); // modification_time
        box.WriteUInt32(MovieTimescale);
        box.WriteUInt32(track.MovieDuration);
        box.WriteUInt32(0x00010000); // rate 1.0
        box.WriteUInt16(0x0100); // volume 1.0
        box.WriteZeros(10); // reserved
        box.WriteUnityMatrix();
        box.WriteZeros(24); // pre_defined
        box.WriteUInt32(2); // next_track_ID
        box.End();
        TrackBoxWriter.Write(box, track, chunkOffset);
        box.End();
        return box.ToArray();
    }
}
