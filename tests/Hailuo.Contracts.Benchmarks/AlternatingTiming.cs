using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>
/// Refit's own generated client and HailuoClient timed in alternating batches of 200 submit + polls for 20 s, so both
/// see the same load on a shared machine; the fastest batches are the least disturbed. Beside the wall clock, the
/// calling thread's CPU time (Linux): the canned handler answers at once, so each call runs on that one thread, and a
/// core shared with other processes adds waiting to the wall clock but not to this. Run: dotnet run -c Release -- alternate.
/// </summary>
internal static class AlternatingTiming
{
    private const int Batch = 200;

    public static async Task RunAsync()
    {
        using var bench = new SubmitAndPollBenchmarks();
        bench.Setup();
        var refit = new List<(double Wall, double Cpu)>();
        var client = new List<(double Wall, double Cpu)>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed < TimeSpan.FromSeconds(20))
        {
            refit.Add(await MicrosecondsPerCall(() => bench.RefitOwnGenerator()));
            client.Add(await MicrosecondsPerCall(() => bench.HailuoClientSubmitAndGetTask()));
        }

        Report("wall clock", refit.Select(b => b.Wall).ToList(), client.Select(b => b.Wall).ToList());
        if (OperatingSystem.IsLinux())
        {
            Report("thread CPU time", refit.Select(b => b.Cpu).ToList(), client.Select(b => b.Cpu).ToList());
        }
    }

    private static void Report(string clock, List<double> refit, List<double> client)
    {
        refit.Sort();
        client.Sort();
        Console.WriteLine(clock + ":");
        foreach (var (name, at) in new[] { ("fastest", 0), ("10th percentile", refit.Count / 10), ("median", refit.Count / 2) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: Refit's own {refit[at]:F2} µs, HailuoClient {client[at]:F2} µs, ratio {client[at] / refit[at]:F2} ({refit.Count} batches each)"));
        }
    }

    private static async Task<(double Wall, double Cpu)> MicrosecondsPerCall(Func<Task> call)
    {
        var cpu = ThreadCpuMicroseconds();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Batch; i++)
        {
            await call();
        }

        return (watch.Elapsed.TotalMicroseconds / Batch, (ThreadCpuMicroseconds() - cpu) / Batch);
    }

    private static double ThreadCpuMicroseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        // CLOCK_THREAD_CPUTIME_ID: the CPU time of the calling thread, to the nanosecond.
        _ = ClockGetTime(3, out var time);
        return (time.Seconds * 1e6) + (time.Nanoseconds / 1e3);
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
