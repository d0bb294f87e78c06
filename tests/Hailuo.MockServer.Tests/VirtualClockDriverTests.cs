using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Hailuo.MockServer.Tests;

/// <summary>The public clock driver moves virtual time on its own, never while a request is in flight.</summary>
public sealed class VirtualClockDriverTests
{
    [Fact]
    public async Task Running_to_the_next_timer_holds_the_clock_while_a_request_is_in_flight()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        await using var held = HeldRequest.Start(sim);
        var driver = sim.CreateClockDriver();
        await held.Entered;
        var start = sim.Clock.GetUtcNow();
        var wait = Task.Delay(TimeSpan.FromMinutes(1), driver);

        var run = driver.RunAsync(wait);

        Assert.Equal(start, sim.Clock.GetUtcNow());
        Assert.False(wait.IsCompleted);
        Assert.Equal(1, driver.InFlight);
        held.Release();
        await run;
        Assert.Equal(start + TimeSpan.FromMinutes(1), sim.Clock.GetUtcNow());
        Assert.Equal(200, (int)(await held.Answer).StatusCode);
    }

    [Fact]
    public async Task Pacing_skips_every_step_taken_while_a_request_is_in_flight()
    {
        var realTime = new FakeTimeProvider();
        var tick = TimeSpan.FromMilliseconds(20);
        await using var sim = await HailuoSimulator.StartAsync();
        await using var held = HeldRequest.Start(sim);
        var driver = sim.CreateClockDriver();
        await using var pacer = driver.Pace(25, tick, realTime);
        await held.Entered;
        var start = sim.Clock.GetUtcNow();

        realTime.Advance(tick * 4);
        Assert.Equal(start, sim.Clock.GetUtcNow());

        held.Release();
        await held.Answer;
        await driver.UntilAsync(d => d.InFlight == 0);
        realTime.Advance(tick);
        Assert.Equal(start + (tick * 25), sim.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Fifty_concurrent_jobs_finish_on_the_driver_without_a_clock_loop()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        var driver = sim.CreateClockDriver();
        using var http = new HttpClient(driver.CreateHandler());
        var options = HailuoClientOptions.ApiMart("sk-test-driver");
        options.WithBaseAddress(sim.BaseAddress);
        options.TimeProvider = driver;
        using var client = new HailuoClient(options, http);

        var jobs = Enumerable.Range(0, 50).Select(async i =>
        {
            var submitted = await client.SubmitAsync(TestClient.Valid(WireDialect.ApiMart, "job " + i));
            return await client.WaitForCompletionAsync(submitted);
        });
        var done = await driver.RunAsync(Task.WhenAll(jobs));

        Assert.All(done, task => Assert.Equal(VideoTaskStatus.Completed, task.Status));
        Assert.Equal(50, done.Select(t => t.Id).Distinct().Count());
        Assert.True(sim.Clock.GetUtcNow() >= HailuoSimulator.ClockStart + new SimulatorOptions().CompletedAfter);
    }

    [Fact]
    public async Task A_request_that_never_ends_fails_the_run_with_what_is_in_flight_instead_of_hanging()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        await using var held = HeldRequest.Start(sim);
        var driver = sim.CreateClockDriver();
        driver.StuckAfter = TimeSpan.Zero;
        await held.Entered;

        var error = await Assert.ThrowsAsync<TimeoutException>(() => driver.RunAsync(Task.Delay(TimeSpan.FromMinutes(1), driver)));

        Assert.Contains("1 request(s) in flight, timers: [wait 00:01:00]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operation_that_waits_forever_fails_at_the_run_limit_instead_of_spinning()
    {
        var driver = new VirtualClockDriver(new FakeTimeProvider(HailuoSimulator.ClockStart)) { RunLimit = TimeSpan.FromDays(1) };

        var error = await Assert.ThrowsAsync<TimeoutException>(() => driver.RunAsync(WaitForeverAsync(driver)));

        Assert.Contains("moved virtual time 1.00:00:00 without the operation ending", error.Message, StringComparison.Ordinal);
        Assert.Equal(HailuoSimulator.ClockStart + TimeSpan.FromDays(1) + TimeSpan.FromHours(1), driver.GetUtcNow());
    }

    [Fact]
    public void Pace_names_a_pace_that_cannot_be_run()
    {
        var driver = new VirtualClockDriver(new FakeTimeProvider());

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => driver.Pace(0));

        Assert.Contains("positive, finite multiple of real time", error.Message, StringComparison.Ordinal);
    }

    private static async Task<bool> WaitForeverAsync(TimeProvider clock)
    {
        while (true)
        {
            await Task.Delay(TimeSpan.FromHours(1), clock);
        }
    }

    /// <summary>A user's stub whose answer waits until the test releases it: a request held in flight.</summary>
    private sealed class HeldRequest : IAsyncDisposable
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly HttpClient _http;

        private HeldRequest(HailuoSimulator sim)
        {
            sim.Server.Given(Request.Create().WithPath("/held").UsingGet()).AtPriority(1).RespondWith(Response.Create().WithCallback(async _ =>
            {
                _entered.TrySetResult();
                await _release.Task;
                return new global::WireMock.ResponseMessage { StatusCode = 200 };
            }));
            _http = sim.CreateClient();
            Answer = _http.GetAsync("held");
        }

        /// <summary>Completes once the server holds the request (a hang guard, not a timing).</summary>
        public Task Entered => _entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        public Task<HttpResponseMessage> Answer { get; }

        public static HeldRequest Start(HailuoSimulator sim) => new(sim);

        public void Release() => _release.TrySetResult();

        public async ValueTask DisposeAsync()
        {
            Release();
            await Answer.ConfigureAwait(false);
            _http.Dispose();
        }
    }
}
