using System.Text;

namespace Hailuo.MockServer.Video;

/// <summary>Writes stbl: the avc1 sample description and the tables locating every frame.</summary>
internal static class SampleTableWriter
{
    public static void Write(BoxWriter box, TrackInfo track, uint chunkOffset)
    {
        box.Begin("stbl");
        WriteSampleDescription(box, track.Video);

        box.BeginFull("stts"); // every frame lasts the same
        box.WriteUInt32(1);
        box.WriteUInt32((uint)track.SampleCount);
        box.WriteUInt32(TrackInfo.TicksPerFrame);
        box.End();

        var keyFrames = Enumerable.Range(0, track.SampleCount).Where(track.Video.IsKeyFrame).ToList();
        box.BeginFull("stss");
        box.WriteUInt32((uint)keyFrames.Count);
        foreach (var index in keyFrames)
        {
            box.WriteUInt32((uint)index + 1); // sample numbers are 1-based
        }

        box.End();

        box.BeginFull("stsc"); // all samples sit in one chunk
        box.WriteUInt32(1);
        box.WriteUInt32(1);
        box.WriteUInt32((uint)track.SampleCount);
        box.WriteUInt32(1);
        box.End();

        box.BeginFull("stsz");
        box.WriteUInt32(0); // sizes differ, so they are listed
        box.WriteUInt32((uint)track.SampleCount);
        foreach (var size in track.SampleSizes)
        {
            box.WriteUInt32(size);
        }

        box.End();

        box.BeginFull("stco");
        box.WriteUInt32(1);
        box.WriteUInt32(chunkOffset);
        box.End();
        box.End();
    }

    private static void WriteSampleDescription(BoxWriter box, H264Stream video)
    {
        box.BeginFull("stsd");
        box.WriteUInt32(1);
        box.Begin("avc1");
        box.WriteZeros(6);
        box.WriteUInt16(1); // data_reference_index
        box.WriteZeros(16); // pre_defined and reserved
        box.WriteUInt16((ushort)video.Geometry.Width);
        box.WriteUInt16((ushort)video.Geometry.Height);
        box.WriteUInt32(0x00480000); // 72 dpi
        box.WriteUInt32(0x00480000);
        box.WriteUInt32(0);
        box.WriteUInt16(1); // frame_count per sample
        WriteCompressorName(box, "Hailuo mock");
        box.WriteUInt16(0x0018); // depth: colour, no alpha
        box.WriteUInt16(0xFFFF); // pre_defined -1

        box.Begin("avcC");
        box.WriteUInt8(1); // configurationVersion
        box.WriteUInt8(H264ParameterSets.ProfileIdc);
        box.WriteUInt8(H264ParameterSets.ConstraintFlags);
        box.WriteUInt8((byte)video.LevelIdc);
        box.WriteUInt8(0xFF); // lengthSizeMinusOne = 3
        box.WriteUInt8(0xE1); // one SPS
        box.WriteUInt16((ushort)video.Sps.Length);
        box.WriteBytes(video.Sps);
        box.WriteUInt8(1); // one PPS
        box.WriteUInt16((ushort)video.Pps.Length);
        box.WriteBytes(video.Pps);
        box.End();

        box.End(); // avc1
        box.End(); // stsd
    }

    private static void WriteCompressorName(BoxWriter box, string name)
    {
        // A Pascal string padded to 32 bytes.
        var bytes = Encoding.ASCII.GetBytes(name);
        box.WriteUInt8((byte)bytes.Length);
        box.WriteBytes(bytes);
        box.WriteZeros(31 - bytes.Length);
    }
}
