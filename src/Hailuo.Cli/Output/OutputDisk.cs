namespace Hailuo.Cli.Output;

/// <summary>
/// What the CLI asks of the disk before it pays: the free space under a folder, and whether a file can be created in
/// it. Tests replace either, so a full disk or a permission refusal needs neither a full disk nor a non-root user.
/// </summary>
internal sealed record OutputDisk(Func<string, long> FreeBytes, Action<string> ProbeWrite)
{
    public static OutputDisk Local { get; } = new(folder => new DriveInfo(folder).AvailableFreeSpace, Probe);

    // Creating a file is the one check that holds for every cause: permissions, read-only mounts, quotas, and root.
    private static void Probe(string folder)
    {
        var path = Path.Combine(folder, ".hailuo-probe-" + Guid.NewGuid().ToString("N"));
        using var probe = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
    }
}
