using System.Runtime;

namespace Hailuo.MockServer.Server;

/// <summary>Gives the memory of large bodies back to the system after an image upload or a reset.</summary>
internal static class MemoryRelease
{
    /// <summary>
    /// A compacting collection, then a second one: System.Text.Json rents 32-64 MB buffers for a large body from the shared
    /// array pool, which lets them go only in a callback after the first collection, so only the second one frees them.
    /// </summary>
    public static void Collect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
