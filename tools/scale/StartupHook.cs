using System.Globalization;

/// <summary>
/// Loaded into a worker process by DOTNET_STARTUP_HOOKS (the memory run only): once a second it writes the process's GC
/// heap to the file HAILUO_SCALE_SAMPLES names, after a full blocking collection when the tool asked for one.
/// </summary>
#pragma warning disable CA1050 // The runtime looks for a type named StartupHook outside any namespace.
internal static class StartupHook
#pragma warning restore CA1050
{
    private static Timer? _timer;

    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("HAILUO_SCALE_SAMPLES") is not { Length: > 0 } file)
        {
            return;
        }

        _timer = new Timer(_ => Write(file), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    private static void Write(string file)
    {
        var collect = file + ".collect";
        var collected = File.Exists(collect);
        if (collected)
        {
            // Live objects only: the tool asks before it samples a point, so the heap figures compare like with like.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        var info = GC.GetGCMemoryInfo();
        var line = string.Create(CultureInfo.InvariantCulture, $"{(collected ? 1 : 0)} {GC.GetTotalMemory(false)} {info.HeapSizeBytes} {info.TotalCommittedBytes} {ThreadPool.ThreadCount} {GC.CollectionCount(2)}");
        File.WriteAllText(file + ".tmp", line);
        File.Move(file + ".tmp", file, overwrite: true);
        if (collected)
        {
            File.Delete(collect);
        }
    }
}
