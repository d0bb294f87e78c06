using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>Listeners are process-wide, so this runs alone.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryRunsAlone;

/// <summary>Activities and metrics of a submit, wait and download.</summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task Submit_wait_and_download_emit_activities_and_metrics_tagged_with_provider_model_and_resolution()
    {
        var activities = new List<Activity>();
        var measurements = new List<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == HailuoTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(activityListener);
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HailuoTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(measurements, i.Name, v, tags));
        meterListener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(measurements, i.Name, v, tags));
        meterListener.Start();
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart);

        var done = await world.SubmitAndWait(Hailuo.Contracts.ApiMart.Hailuo02.TextToVideo(Prompt.Of("A cat")).At1080p().Seconds5());
        await world.Run(c => c.DownloadAsync(done, Stream.Null));

        Assert.Equal(new[] { "hailuo.submit", "hailuo.wait", "hailuo.download" }, activities.Select(a => a.OperationName));
        Assert.Equal(done.Id, activities[1].GetTagItem("hailuo.task_id"));
        Assert.Equal("1080p", activities[0].GetTagItem("hailuo.resolution"));
        var submitted = Assert.Single(measurements, m => m.Name == HailuoTelemetry.TasksSubmitted);
        Assert.Equal(("APIMart", "MiniMax-Hailuo-02", "1080p"), (submitted.Tags["hailuo.provider"], submitted.Tags["hailuo.model"], submitted.Tags["hailuo.resolution"]));
        Assert.Equal(5, Assert.Single(measurements, m => m.Name == HailuoTelemetry.VideoSeconds).Value);
        Assert.Equal(0.40, Assert.Single(measurements, m => m.Name == HailuoTelemetry.EstimatedDollars).Value, 6);
        Assert.Equal("completed", Assert.Single(measurements, m => m.Name == HailuoTelemetry.TasksFinished).Tags["hailuo.status"]);
        Assert.Equal(3, measurements.Count(m => m.Name == HailuoTelemetry.RequestDuration));
        Assert.True(Assert.Single(measurements, m => m.Name == HailuoTelemetry.BytesDownloaded).Value > 0);
    }

    private static void Record(List<(string, double, Dictionary<string, object?>)> into, string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (into)
        {
            into.Add((name, value, copy));
        }
    }
}
