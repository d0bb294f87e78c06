using Hailuo.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace Hailuo.MockServer.Tests;

/// <summary>The driver's options for many clients at once: a longest step, held deadlines, and stalls that do not hold the clock.</summary>
public sealed class VirtualClockDriverOptionTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task MaxStep_lets_work_the_driver_cannot_see_stop_the_clock_where_it_starts()
    {
        var clock = new FakeTimeProvider(HailuoSimulator.ClockStart);
        var driver = new VirtualClockDriver(clock) { MaxStep = TimeSpan.FromMinutes(1) };
        var started = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);

        // Created on the inner clock, so the driver does not see it: like a simulator's callback starting a request.
        using var invisible = clock.CreateTimer(_ => started.TrySetResult(driver.Requests.Enter()), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        var run = driver.RunAsync(Task.Delay(TimeSpan.FromMinutes(5), driver));
        var request = await started.Task.WaitAsync(Guard);

        Assert.Equal(HailuoSimulator.ClockStart + TimeSpan.FromMinutes(1), driver.GetUtcNow());
        request.Dispose();
        await run.WaitAsync(Guard);
        Assert.Equal(HailuoSimulator.ClockStart + TimeSpan.FromMinutes(5), driver.GetUtcNow());
    }

    [Fact]
    public async Task HoldDeadlines_waits_for_a_deadline_due_before_every_wait_instead_of_expiring_it()
    {
        var driver = new VirtualClockDriver(new FakeTimeProvider(HailuoSimulator.ClockStart)) { HoldDeadlines = true };
        var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1), driver);

        var run = driver.RunAsync(Task.Delay(TimeSpan.FromMinutes(5), driver));

        Assert.False(deadline.IsCancellationRequested);
        Assert.Equal(HailuoSimulator.ClockStart, driver.GetUtcNow());
        deadline.Dispose();
        await run.WaitAsync(Guard);
        Assert.Equal(HailuoSimulator.ClockStart + TimeSpan.FromMinutes(5), driver.GetUtcNow());
    }

    [Fact]
    public async Task Without_HoldDeadlines_a_deadline_due_first_fires()
    {
        var driver = new VirtualClockDriver(new FakeTimeProvider(HailuoSimulator.ClockStart));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1), driver);

        await driver.RunAsync(Task.Delay(TimeSpan.FromMinutes(5), driver)).WaitAsync(Guard);

        Assert.True(deadline.IsCancellationRequested);
    }

    [Fact]
    public async Task A_stalled_poll_times_out_and_is_retried_on_its_own_when_the_driver_watches_stalls()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        var driver = new VirtualClockDriver(sim.Clock, new RequestsInFlight()) { HoldDeadlines = true };
        driver.WatchStalls(sim.Admin);
        var options = HailuoClientOptions.ApiMart("sk-sim-key").WithBaseAddress(sim.BaseAddress);
        options.TimeProvider = driver;
        options.AttemptTimeout = TimeSpan.FromSeconds(20);
        using var client = new HailuoClient(options, new HttpClient(driver.CreateHandler(sim.CreateHandler())));
        var task = await driver.RunAsync(client.SubmitAsync(new VideoGenerationRequest { Model = HailuoSpec.ApiMart.Models[0].Id, Prompt = "A cat", Resolution = "768p", Duration = 5 }));
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Stall, 1));

        var done = await driver.RunAsync(client.WaitForCompletionAsync(task)).WaitAsync(Guard);

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Contains(sim.Admin.Journal, e => e.Fault == FaultKind.Stall);
    }
}
