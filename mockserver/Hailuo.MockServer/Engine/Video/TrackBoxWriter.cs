namespace Hailuo.MockServer.Video;

/// <summary>Writes the trak box: header, media header, handler and media information.</summary>
internal static class TrackBoxWriter
{
    public static void Write(BoxWriter box, TrackInfo track, uint chunkOffset)
    {
        var geometry = track.Video.Geometry;
        box.Begin("trak");
        box.BeginFull("tkhd", flags: 3); // track_enabled | track_in_movie
        box.WriteUInt32(0); // creation_time
        box.WriteUInt32(0); // modification_time
        box.WriteUInt32(1); // track_ID
        box.WriteZeros(4);
        box.WriteUInt32(track.MovieDuration);
        box.WriteZeros(8);
        box.WriteUInt16(0); // layer
        box.WriteUInt16(0); // alternate_group
        box.WriteUInt16(0); // volume: video tracks are silent
        box.WriteZeros(2);
        box.WriteUnityMatrix();
        box.WriteUInt32((uint)geometry.Width << 16); // 16.16 fixed point
        box.WriteUInt32((uint)geometry.Height << 16);
        box.End();

        box.Begin("mdia");
        box.BeginFull("mdhd");
        box.WriteUInt32(0);
        box.WriteUInt32(0);
        box.WriteUInt32(track.MediaTimescale);
        box.WriteUInt32(track.MediaDuration);
        box.WriteUInt16(0x55C4); // language "und" packed as three 5-bit letters
        box.WriteUInt16(0);
        box.End();

        box.BeginFull("hdlr");
        box.WriteUInt32(0);
        box.WriteFourCc("vide");
        box.WriteZeros(12);
        box.WriteBytes("VideoHandler\0"u8);
        box.End();

        box.Begin("minf");
        box.BeginFull("vmhd", flags: 1);
        box.WriteZeros(8); // graphicsmode and opcolor
        box.End();
        box.Begin("dinf");
        box.BeginFull("dref");
        box.WriteUInt32(1);
        box.BeginFull("url ", flags: 1); // media is in this same file
        box.End();
        box.End();
        box.End();
        SampleTableWriter.Write(box, track, chunkOffset);
        box.End(); // minf
        box.End(); // mdia
        box.End(); // trak
    }
}
