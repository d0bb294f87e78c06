using Hailuo.Contracts.ContractTests.Infrastructure;
using Xunit;
using static Hailuo.Contracts.ContractTests.Infrastructure.CannedHandler;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>The spec's advised intervals in the waiting loop: slower after a rate limit, and once a render runs long.</summary>
public sealed class PollIntervalTests
{
    private const string Processing = """{"code":200,"data":{"id":"task_1","status":"processing","progress":50}}""";
    private const string Completed = """{"code":200,"data":{"id":"task_1","status":"completed","progress":100,"result":{"videos":[{"url":["https://cdn.test/v.mp4"]}]}}}""";
    private const string Limited = """{"code":429,"error":{"message":"slow down","type":"rate_limit_error"}}""";

    [Fact]
    public void The_defaults_are_the_spec_s_advised_intervals()
    {
        var options = new HailuoClientOptions();

        Assert.Equal(
            (HailuoSpec.Tasks.PollIntervalWhenRateLimited, HailuoSpec.Tasks.PollIntervalMax, HailuoSpec.Tasks.TypicalRenderMax),
            (options.RateLimitedPollingInterval, options.LongRenderPollingInterval, options.LongRenderAfter));
    }

    [Fact]
    public async Task A_rate_limited_poll_without_Retry_After_waits_the_rate_limited_interval_before_the_next_poll()
    {
        using var world = new CannedWorld(
            WireDialect.ApiMart,
            (_, call) => call == 1 ? Json(429, Limited) : Json(200, Completed),
            o => (o.PollingInterval, o.RateLimitedPollingInterval, o.Retry.MaxRetryAttempts) = (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 0));

        var done = await world.Run(c => c.WaitForCompletionAsync("task_1"));

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        var polls = world.Wire.Requests;
        Assert.Equal(2, polls.Count);
        Assert.Equal(TimeSpan.FromSeconds(10), polls[1].At - polls[0].At);
    }

    [Fact]
    public async Task A_render_past_the_typical_time_is_polled_at_the_long_render_interval()
    {
        using var world = new CannedWorld(
            WireDialect.ApiMart,
            (_, call) => Json(200, call < 8 ? Processing : Completed),
            o => (o.PollingInterval, o.LongRenderPollingInterval, o.LongRenderAfter) = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(40)));

        await world.Run(c => c.WaitForCompletionAsync("task_1"));

        var gaps = world.Wire.Requests.Zip(world.Wire.Requests.Skip(1), (a, b) => (int)(b.At - a.At).TotalSeconds);
        Assert.Equal(new[] { 10, 10, 10, 10, 30, 30, 30 }, gaps);
    }
}
