using System.Diagnostics.Tracing;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>
/// Where a submit + poll's bytes go, by type: the runtime's GCAllocationTick events (one per ~100 KB allocated, naming
/// the type that crossed it) over many calls, scaled to bytes per call. Run: dotnet run -c Release -- alloc-profile [refit|validate].
/// </summary>
internal sealed class AllocationProfile : EventListener
{
    private const int Calls = 100_000;
    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private long _total;

    public static async Task RunAsync(string what)
    {
        using var bench = new SubmitAndPollBenchmarks();
        bench.Setup();
        var steps = new ClientStepBenchmarks();
        steps.Setup();
        Func<Task> call = what switch
        {
            "refit" => () => bench.RefitOwnGenerator(),
            "validate" => () => Task.FromResult(steps.Validate()),
            _ => () => bench.HailuoClientSubmitAndGetTask(),
        };
        for (var i = 0; i < 2_000; i++)
        {
            await call();
        }

        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++)
        {
            await call();
        }

        Console.WriteLine($"GC per 100k: gen0 {GC.CollectionCount(0) - gcs.Item1}, gen1 {GC.CollectionCount(1) - gcs.Item2}, gen2 {GC.CollectionCount(2) - gcs.Item3}, pause {(GC.GetTotalPauseDuration() - gcs.Item4).TotalMilliseconds:F0} ms of {watch.ElapsedMilliseconds} ms");
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var profile = new AllocationProfile();
        for (var i = 0; i < Calls; i++)
        {
            await call();
        }

        var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Calls;
        profile.Dispose();
        Console.WriteLine($"{what switch { "refit" => "Refit's own generated client", "validate" => "The generated validator alone", _ => "HailuoClient" }}: {perCall:F0} bytes per {(what == "validate" ? "submit's validation" : "submit + poll")}");
        foreach (var (type, ticks) in profile._ticks.OrderByDescending(t => t.Value).Take(60))
        {
            Console.WriteLine($"{ticks * perCall / profile._total,8:F1}  {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // The runtime's GC keyword (0x1) at Verbose level carries the allocation ticks.
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName != "GCAllocationTick_V4" || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.Payload[eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        lock (_ticks)
        {
            _ticks[type] = _ticks.GetValueOrDefault(type) + 1;
            _total++;
        }
    }
}
