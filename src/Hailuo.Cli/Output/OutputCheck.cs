namespace Hailuo.Cli.Output;

/// <summary>
/// Checks, before any submit, that the video can be written where it was asked to go: once submitted it is paid for,
/// and a path found wrong only after the render loses it.
/// </summary>
internal static class OutputCheck
{
    /// <summary>Free space wanted per expected byte: the estimate can be short, and the disk is shared while the task renders.</summary>
    public const int Margin = 2;

    /// <summary>What is wrong with writing about <paramref name="expectedBytes"/> to <paramref name="path"/>, in words, or null.</summary>
    public static string? Problem(string option, FileInfo path, long expectedBytes, OutputDisk disk)
    {
        var full = path.FullName;
        if (Directory.Exists(full))
        {
            return $"{option} '{full}' is a folder; it must name a file, such as '{Path.Combine(full, "video.mp4")}'.";
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            if (BlockingFile(folder) is { } file)
            {
                return $"{option} '{full}' cannot be written: '{file}' is a file, not a folder.";
            }

            // Making the folder costs nothing, and a folder that cannot be made is found before the submit.
            if (Created(folder) is { } failure)
            {
                return $"{option} '{full}' cannot be written: the folder '{folder}' does not exist and cannot be created ({failure}).";
            }
        }

        if (Unwritable(folder, disk) is { } reason)
        {
            return $"{option} '{full}' cannot be written: the folder '{folder}' is not writable ({reason}).";
        }

        var wanted = expectedBytes * Margin;
        var free = FreeBytes(folder, disk);
        return free < wanted
            ? $"{option} '{full}' cannot be written: the disk holding '{folder}' has {VideoSize.Text(free!.Value)} free, and the video needs about {VideoSize.Text(expectedBytes)} ({VideoSize.Text(wanted)} with the margin)."
            : null;
    }

    /// <summary>Why no file can be created in <paramref name="folder"/>, or null when one can.</summary>
    public static string? Unwritable(string folder, OutputDisk disk) => Failure(() => disk.ProbeWrite(folder));

    private static string? Created(string folder) => Failure(() => Directory.CreateDirectory(folder));

    // Why a file system step failed, in words, or null when it worked.
    private static string? Failure(Action step)
    {
        try
        {
            step();
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (IOException e)
        {
            // .NET appends the path it tried, which would only confuse.
            return e.Message.Split(" : '")[0].TrimEnd('.');
        }
    }

    /// <summary>The nearest ancestor of a missing folder that exists as a file, such as 'notes.txt' in 'notes.txt/clip.mp4'.</summary>
    public static string? BlockingFile(string folder)
    {
        for (var at = folder; !string.IsNullOrEmpty(at); at = Path.GetDirectoryName(at))
        {
            if (File.Exists(at))
            {
                return at;
            }

            if (Directory.Exists(at))
            {
                return null;
            }
        }

        return null;
    }

    // A file system that cannot say its free space is not refused for it: the write itself will tell.
    private static long? FreeBytes(string folder, OutputDisk disk)
    {
        try
        {
            return disk.FreeBytes(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
