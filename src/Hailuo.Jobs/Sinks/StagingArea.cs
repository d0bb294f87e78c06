using System.Security.Cryptography;

namespace Hailuo.Jobs;

/// <summary>
/// Where a runner's downloads land before the sink takes them: a folder only its owner can enter (its own random one
/// under the temp path unless named), and a random file name per download, so another local user can neither read a
/// video nor plant a file or link where one is expected.
/// </summary>
internal sealed class StagingArea(string? folder)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly Lazy<string> _folder = new(() => Create(folder ?? Path.Combine(Path.GetTempPath(), "hailuo-jobs-" + Random(12))));

    /// <summary>The folder, created on first use.</summary>
    public string Folder => _folder.Value;

    /// <summary>A new, unused file path for a download of the job <paramref name="key"/>.</summary>
    public string NewFile(string key) => Path.Combine(Folder, JobFileNames.For(key) + "." + Random(12) + ".mp4");

    private static string Create(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            // The user's temp folder is private on Windows already.
            Directory.CreateDirectory(full);
            return full;
        }

        Directory.CreateDirectory(full, OwnerOnly);

        // A folder that already existed keeps its mode: narrow it, which fails unless we own it.
        File.SetUnixFileMode(full, OwnerOnly);
        return full;
    }

    private static string Random(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();
}
