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
        using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(20), driver);

        var outcome = await driver.RunAsync(Outcome(http.GetAsync(TestClient.StatusPath(WireDialect.ApiMart, taskId), attempt.Token))).WaitAsync(Guard);

        Assert.Equal("cancelled", outcome);
        Assert.Equal(HailuoSimulator.ClockStart + TimeSpan.FromSeconds(20), driver.GetUtcNow());
    }

    [Theory]
    [InlineData(20)]
    [InlineData(10)]
    public async Task The_newest_deadline_of_a_caller_whose_request_is_not_sent_yet_is_held_for_that_request_during_a_stall(int seconds)
    {
        await using var sim = await HailuoSimulator.StartAsync();
        var (driver, http, taskId) = await StartAsync(sim, holdDeadlines: true);
        using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(20), driver);
        var stalled = Outcome(http.GetAsync(TestClient.StatusPath(WireDialect.ApiMart, taskId), attempt.Token));
        await sim.Admin.WhenStalledAsync(SimulatorEndpoint.Status).WaitAsync(Guard);

        // Another caller's attempt timeout, due with the stalled request's or before it: its request has not been sent yet.
        var next = new CancellationTokenSource(TimeSpan.FromSeconds(seconds), driver);
        var run = driver.RunAsync(stalled);
        var nextCancelledAtOnce = next.IsCancellationRequested;
        using (var answer = await http.GetAsync(TestClient.StatusPath(WireDialect.ApiMart, taskId), next.Token).WaitAsync(Guard))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        }

        next.Dispose();
        var outcome = await run.WaitAsync(Guard);

        Assert.False(nextCancelledAtOnce, "the driver fired the deadline of a request about to start along with the stalled request's");
        Assert.Equal("cancelled", outcome);
        Assert.Equal(HailuoSimulator.ClockStart + TimeSpan.FromSeconds(20), driver.GetUtcNow());
    }

    [Fact]
    public async Task A_stalled_request_that_ends_inside_its_own_cancellation_is_seen_as_timed_out()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        var (driver, http, taskId) = await StartAsync(sim, holdDeadlines: true, inner => new EndsInsideCancellation(inner));

        // A wait timeout set before the stall, due long after the attempt's: it guards no request and must not fire.
        using var wait = new CancellationTokenSource(TimeSpan.FromMinutes(10), driver);
        using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(20), driver);
        var stalled = Outcome(http.GetAsync(TestClient.StatusPath(WireDialect.ApiMart, taskId), attempt.Token));

        var outcome = await driver.RunAsync(UntilTheSimulatorSeesTheStallEnd(sim, stalled)).WaitAsync(Guard);

        Assert.Equal("cancelled", outcome);
        Assert.False(wait.IsCancellationRequested, "the driver took the stall for still going once its request had ended, and fired a wait timeout");
        Assert.Equal(HailuoSimulator.ClockStart + TimeSpan.FromSeconds(20), driver.GetUtcNow());
    }

    private static async Task<string> UntilTheSimulatorSeesTheStallEnd(HailuoSimulator sim, Task<string> request)
    {
        var outcome = await request.ConfigureAwait(false);
        while (sim.Admin.StalledRequests > 0)
        {
            await sim.Admin.NextStallChange.ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>A task, a driver watching stalls, a client through it, and the next status poll scripted to stall.</summary>
    private static async Task<(VirtualClockDriver Driver, HttpClient Http, string TaskId)> StartAsync(HailuoSimulator sim, bool holdDeadlines, Func<HttpMessageHandler, HttpMessageHandler>? around = null)
    {
        using var setup = TestClient.For(sim);
        var taskId = await setup.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        var driver = new VirtualClockDriver(sim.Clock, new RequestsInFlight()) { HoldDeadlines = holdDeadlines, StuckAfter = TimeSpan.FromSeconds(20) };
        driver.WatchStalls(sim.Admin);
        var inner = sim.CreateHandler();
        var http = new HttpClient(driver.CreateHandler(around?.Invoke(inner) ?? inner)) { BaseAddress = sim.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestClient.DefaultKey);
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Stall, 1));
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

    /// <summary>Ends a request inside its token's cancellation, before the canceller returns, as a cancelled socket read can.</summary>
    private sealed class EndsInsideCancellation(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<HttpResponseMessage>();
            using var registration = cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken));
            return await await Task.WhenAny(base.SendAsync(request, cancellationToken), cancelled.Task).ConfigureAwait(false);
        }
    }
}
