namespace Hailuo.Jobs;

/// <summary>Stitching or last-frame extraction needs the ffmpeg and ffprobe programs, and they were not found.</summary>
public sealed class FfmpegMissingException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public FfmpegMissingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FfmpegMissingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public FfmpegMissingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
