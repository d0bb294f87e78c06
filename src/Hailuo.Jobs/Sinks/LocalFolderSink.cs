namespace Hailuo.Jobs;

/// <summary>Keeps each MP4 as <c>{folder}/{job key}.mp4</c>, moved into place in one rename.</summary>
public sealed class LocalFolderSink : IVideoSink
{
    /// <summary>Keeps videos in <paramref name="folder"/>, which is created when missing.</summary>
    public LocalFolderSink(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The folder.</summary>
    public string Folder { get; }

    /// <summary>The file a job's video lands in.</summary>
    public string PathFor(string jobKey) => Path.Combine(Folder, JobFileNames.For(jobKey) + ".mp4");

    /// <inheritdoc/>
    public Task<string> StoreAsync(string jobKey, string downloadedFile, CancellationToken cancellationToken = default)
    {
        var target = PathFor(jobKey);

        // A rename is atomic only inside one file system, so a file from elsewhere is copied beside the target first.
        var source = downloadedFile;
        if (!string.Equals(Path.GetDirectoryName(Path.GetFullPath(downloadedFile)), Folder, StringComparison.Ordinal))
        {
            // A name of its own per call, so two workers storing the same job at once never write one partial file.
            source = target + "." + Guid.NewGuid().ToString("N") + ".partial";
            CopyToDisk(downloadedFile, source);
        }

        File.Move(source, target, overwrite: true);
        if (File.Exists(downloadedFile))
        {
            File.Delete(downloadedFile);
        }

        return Task.FromResult(target);
    }

    /// <inheritdoc/>
    public override string ToString() => "local folder " + Folder;

    // The copy reaches the disk before the rename, so the name never points at a file with missing bytes.
    private static void CopyToDisk(string from, string to)
    {
        using var source = File.OpenRead(from);
        using var target = new FileStream(to, FileMode.Create, FileAccess.Write, FileShare.None);
        source.CopyTo(target);
        target.Flush(flushToDisk: true);
    }
}
