namespace Hailuo.MockServer.Video;

/// <summary>Timing and sample facts of the single video track.</summary>
internal sealed class TrackInfo
{
    // 512 ticks per frame keeps every frame duration an exact integer.
    public const uint TicksPerFrame = 512;

    public TrackInfo(H264Stream video, uint[] sampleSizes, int framesPerSecond, uint movieTimescale)
    {
        Video = video;
        SampleSizes = sampleSizes;
        MediaTimescale = (uint)framesPerSecond * TicksPerFrame;
        MediaDuration = (uint)sampleSizes.Length * TicksPerFrame;
        MovieDuration = (uint)((ulong)sampleSizes.Length * movieTimescale / (ulong)framesPerSecond);
    }

    public H264Stream Video { get; }

    public IReadOnlyList<uint> SampleSizes { get; }

    public uint MediaTimescale { get; }

    public uint MediaDuration { get; }

    public uint MovieDuration { get; }

    public int SampleCount => SampleSizes.Count;
}
