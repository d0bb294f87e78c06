namespace Hailuo.Jobs;

/// <summary>What stitching wrote.</summary>
/// <param name="Path">The film.</param>
/// <param name="Clips">How many clips it joins.</param>
/// <param name="StreamCopy">True when the clips' codec parameters matched and were joined without re-encoding.</param>
/// <param name="Duration">The film's duration, as ffprobe reads it.</param>
public sealed record StitchResult(string Path, int Clips, bool StreamCopy, TimeSpan Duration);
