using System.Globalization;
using FFMpegCore;

namespace Hailuo.Jobs;

/// <summary>
/// Stitching and last-frame extraction through FFMpegCore over the ffmpeg program. Construct it before anything is
/// submitted: a missing ffmpeg fails here, with how to install it.
/// </summary>
public sealed class VideoTools
{
    private readonly FFOptions _options;

    /// <summary>Finds ffmpeg and ffprobe in <paramref name="binaryFolder"/>, or on PATH when it is null.</summary>
    /// <exception cref="FfmpegMissingException">Either program is missing.</exception>
    public VideoTools(string? binaryFolder = null)
    {
        var folder = Locate("ffmpeg", binaryFolder);
        if (folder is null || Locate("ffprobe", folder) is null)
        {
            var where = binaryFolder is null ? "on PATH" : "in " + binaryFolder;
            throw new FfmpegMissingException(
                $"Stitching clips and extracting last frames need the ffmpeg and ffprobe programs, which were not found {where}. " +
                "Install ffmpeg (Debian/Ubuntu: sudo apt-get install -y ffmpeg; macOS: brew install ffmpeg; Windows: winget install Gyan.FFmpeg) and run again. Nothing has been submitted.");
        }

        BinaryFolder = folder;
        _options = new FFOptions { BinaryFolder = folder, TemporaryFilesFolder = Path.GetTempPath() };
    }

    /// <summary>The folder ffmpeg and ffprobe were found in.</summary>
    public string BinaryFolder { get; }

    /// <summary>Writes the last frame of <paramref name="video"/> as an image (PNG or JPEG, by the path's extension) at <paramref name="imagePath"/>.</summary>
    public async Task ExtractLastFrameAsync(string video, string imagePath, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(imagePath))!);

        // Seek to the last second and keep overwriting one image: the last decoded frame is what remains.
        await FFMpegArguments.FromFileInput(video, true, o => o.WithCustomArgument("-sseof -1"))
            .OutputToFile(imagePath, true, o => o.WithCustomArgument("-update 1"))
            .ProcessAsynchronously(true, _options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Joins <paramref name="clips"/> in order into <paramref name="output"/>: by stream copy when their codec parameters
    /// match (or <paramref name="forceReencode"/> is false), otherwise by re-encoding to H.264 at the first clip's size.
    /// </summary>
    public async Task<StitchResult> StitchAsync(IReadOnlyList<string> clips, string output, bool forceReencode = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clips);
        if (clips.Count == 0)
        {
            throw new ArgumentException("There are no clips to stitch.", nameof(clips));
        }

        var probes = new List<IMediaAnalysis>();
        foreach (var clip in clips)
        {
            probes.Add(await FFProbe.AnalyseAsync(clip, _options, null, cancellationToken).ConfigureAwait(false));
        }

        var first = probes[0].PrimaryVideoStream ?? throw new InvalidDataException($"{clips[0]} holds no video stream.");
        var copy = !forceReencode && probes.All(p => p.PrimaryVideoStream is { } v && SameParameters(first, v)) && probes.All(p => p.AudioStreams.Count == probes[0].AudioStreams.Count);
        var full = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var list = full + ".concat.txt";
        await File.WriteAllLinesAsync(list, clips.Select(c => "file '" + Path.GetFullPath(c).Replace("'", "'\\''", StringComparison.Ordinal) + "'"), cancellationToken).ConfigureAwait(false);
        var partial = full + ".partial.mp4";
        try
        {
            await FFMpegArguments.FromFileInput(list, false, o => o.WithCustomArgument("-f concat -safe 0"))
                .OutputToFile(partial, true, o => o
                    .WithCustomArgument(copy ? "-c copy" : string.Create(CultureInfo.InvariantCulture, $"-c:v libx264 -crf 20 -pix_fmt yuv420p -vf scale={first.Width}:{first.Height},setsar=1"))
                    .WithCustomArgument("-movflags +faststart"))
                .ProcessAsynchronously(true, _options, cancellationToken).ConfigureAwait(false);
            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            File.Delete(list);
            File.Delete(partial);
        }

        var film = await FFProbe.AnalyseAsync(full, _options, null, cancellationToken).ConfigureAwait(false);
        return new StitchResult(full, clips.Count, copy, film.Duration);
    }

    private static bool SameParameters(VideoStream a, VideoStream b) =>
        a.CodecName == b.CodecName && a.Width == b.Width && a.Height == b.Height && a.PixelFormat == b.PixelFormat
        && a.Profile == b.Profile && Math.Abs(a.AverageFrameRate - b.AverageFrameRate) < 0.001;

    private static string? Locate(string program, string? folder)
    {
        var names = OperatingSystem.IsWindows() ? new[] { program + ".exe" } : new[] { program };
        var folders = folder is not null ? [folder] : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.FirstOrDefault(f => names.Any(n => File.Exists(Path.Combine(f, n))));
    }
}
