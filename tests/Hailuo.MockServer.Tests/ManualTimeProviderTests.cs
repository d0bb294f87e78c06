namespace Hailuo.MockServer.Tests;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public void Clock_starts_at_2026_01_01_utc_and_moves_only_when_advanced()
    {
        var clock = new ManualTimeProvider();

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(clock.GetUtcNow(), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 1, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Fact]
    public void Elapsed_time_from_timestamps_follows_the_clock()
    {
        var clock = new ManualTimeProvider();
        var start = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetElapsedTime(start));
    }

    [Fact]
    public async Task Task_delay_completes_only_when_the_clock_passes_its_due_time()
    {
        var clock = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromMinutes(5), clock);

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Cancellation_source_with_a_delay_on_the_clock_cancels_when_advanced()
    {
        var clock = new ManualTimeProvider();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(3), clock);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(cancellation.IsCancellationRequested);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(cancellation.IsCancellationRequested);
    }

    [Fact]
    public void Timers_fire_in_due_order_at_their_due_time_within_one_advance()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(1));

        var start = ManualTimeProvider.DefaultStart;
        Assert.Equal(new[] { ("early", start.AddSeconds(10)), ("late", start.AddSeconds(30)) }, fired);
        Assert.Equal(start.AddMinutes(1), clock.GetUtcNow());
    }

    [Fact]
    public void Periodic_timer_fires_once_per_period_passed()
    {
        var clock = new ManualTimeProvider();
        var count = 0;
        using var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(5, count);
    }

    [Fact]
    public void Disposed_or_changed_to_infinite_timer_does_not_fire()
    {
        var clock = new ManualTimeProvider();
        var count = 0;
        var disposed = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var stopped = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        stopped.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, count);
    }

    [Fact]
    public void Setting_the_time_forward_fires_due_timers_and_backward_fires_none()
    {
        var clock = new ManualTimeProvider();
        var count = 0;
        using var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        clock.SetUtcNow(ManualTimeProvider.DefaultStart.AddMinutes(-5));
        Assert.Equal(0, count);
        clock.SetUtcNow(ManualTimeProvider.DefaultStart.AddHours(2));

        Assert.Equal(1, count);
    }
}
