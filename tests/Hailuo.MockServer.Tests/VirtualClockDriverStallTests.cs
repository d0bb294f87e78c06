using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

/// <summary>The driver watching stalls neither deadlocks when another deadline fires during a stall, nor stands still before a held request's deadline.</summary>
public sealed class VirtualClockDriverStallTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Another_deadline_firing_during_a_stall_does_not_stop_the_stalled_request_timing_out(bool holdDeadlines)
    {
        await using var sim = await HailuoSimulator.StartAsync();
        var (driver, http, taskId) = await StartAsync(sim, holdDeadlines);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Stall, 1));

        // Another client's deadline, due first and set before the stall began, guards no request in flight.
        using var other = new CancellationTokenSource(TimeSpan.FromSeconds(10), driver);
        using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(20), driver);
        var stalled = Outcome(http.GetAsync(TestClient.StatusPath(WireDialect.ApiMart, taskId), attempt.Token));
        var waiting = Outcome(Task.Delay(Timeout.InfiniteTimeSpan, other.Token));

        var outcomes = await driver.RunAsync(Task.WhenAll(stalled, waiting)).WaitAsync(Guard);

        Assert.Equal(["cancelled", "cancelled"], outcomes);
        Assert.Equal(HailuoSimulator.ClockStart + TimeSpan.FromSeconds(20), driver.GetUtcNow());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stalled_request_whose_attempt_deadline_is_the_only_timer_times_out(bool holdDeadlines)
    {
        await using var sim = await HailuoSimulator.StartAsync();
        var (driver, http, taskId) = await StartAsync(sim, holdDeadlines);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Stall, 1));
        using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(20), driver);

        var outcome = await driver.RunAsync(Outcome(http.GetAsync(TestClient.StatusPath(WireDialect.ApiMart, taskId), attempt.Token))).WaitAsync(Guard);

        Assert.Equal("cancelled", outcome);
        Assert.Equal(HailuoSimulator.ClockStart + TimeSpan.FromSeconds(20), driver.GetUtcNow());
    }

    private static async Task<(VirtualClockDriver Driver, HttpClient Http, string TaskId)> StartAsync(HailuoSimulator sim, bool holdDeadlines)
    {
        using var setup = TestClient.For(sim);
        var taskId = await setup.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        var driver = new VirtualClockDriver(sim.Clock, new RequestsInFlight()) { HoldDeadlines = holdDeadlines, StuckAfter = TimeSpan.FromSeconds(20) };
        driver.WatchStalls(sim.Admin);
        var http = new HttpClient(driver.CreateHandler(sim.CreateHandler())) { BaseAddress = sim.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestClient.DefaultKey);
        return (driver, http, taskId);
    }

    private static async Task<string> Outcome(Task work)
    {
        try
        {
            await work;
            return "answered";
        }
        catch (OperationCanceledException)
        {
            return "cancelled";
        }
    }
}
