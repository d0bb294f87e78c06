using System.Diagnostics;
using System.Globalization;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>
/// Refit's own generated client and HailuoClient timed in alternating batches of 200 submit + polls for 20 s, so both
/// see the same load on a shared machine; the fastest batches are the least disturbed. Run: dotnet run -c Release -- alternate.
/// </summary>
internal static class AlternatingTiming
{
    private const int Batch = 200;

    public static async Task RunAsync()
    {
        using var bench = new SubmitAndPollBenchmarks();
        bench.Setup();
        var refit = new List<double>();
        var client = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed < TimeSpan.FromSeconds(20))
        {
            refit.Add(await MicrosecondsPerCall(() => bench.RefitOwnGenerator()));
            client.Add(await MicrosecondsPerCall(() => bench.HailuoClientSubmitAndGetTask()));
        }

        refit.Sort();
        client.Sort();
        foreach (var (name, at) in new[] { ("fastest", 0), ("10th percentile", refit.Count / 10), ("median", refit.Count / 2) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: Refit's own {refit[at]:F2} µs, HailuoClient {client[at]:F2} µs, ratio {client[at] / refit[at]:F2} ({refit.Count} batches each)"));
        }
    }

    private static async Task<double> MicrosecondsPerCall(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Batch; i++)
        {
            await call();
        }

        return watch.Elapsed.TotalMicroseconds / Batch;
    }
}
