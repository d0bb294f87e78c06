using System.Net;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;
using Hailuo.Testing;

namespace Hailuo.MockServer.Tests;

public sealed class LifecycleTests
{
    private static readonly SimulatorOptions Timing = new()
    {
        QueuedAfter = TimeSpan.FromSeconds(10),
        ProcessingAfter = TimeSpan.FromSeconds(30),
        CompletedAfter = TimeSpan.FromSeconds(90),
    };

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task Status_moves_through_each_phase_when_the_clock_passes_its_offset(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind, Timing);
        using var client = TestClient.For(sim);
        var words = Cases.Words(dialect);
        var id = await client.SubmitTaskAsync(dialect, TestClient.Valid(dialect));

        Assert.Equal(words[0], await client.StatusWordAsync(dialect, id));
        sim.Clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.Equal(words[0], await client.StatusWordAsync(dialect, id));
        sim.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(words[1], await client.StatusWordAsync(dialect, id));
        sim.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(words[2], await client.StatusWordAsync(dialect, id));
        sim.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(words[3], await client.StatusWordAsync(dialect, id));
    }

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task Polling_many_times_does_not_move_a_task_only_the_clock_does(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind, Timing);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(dialect, TestClient.Valid(dialect));

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(Cases.Words(dialect)[0], await client.StatusWordAsync(dialect, id));
        }
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Completed_apimart_task_carries_progress_times_and_the_video_url_with_its_expiry(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind, Timing);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        var created = sim.Clock.GetUtcNow().ToUnixTimeSeconds();

        sim.Clock.Advance(TimeSpan.FromSeconds(60));
        var processing = (await client.StatusAsync(WireDialect.ApiMart, id)).GetProperty("data");
        sim.Clock.Advance(TimeSpan.FromSeconds(30));
        var status = await client.StatusAsync(WireDialect.ApiMart, id);

        Assert.Equal(200, status.GetProperty("code").GetInt32());
        var data = status.GetProperty("data");
        Assert.Equal(id, data.GetProperty("id").GetString());
        Assert.InRange(processing.GetProperty("progress").GetInt32(), 1, 99);
        Assert.False(processing.TryGetProperty("result", out _));
        Assert.Equal(100, data.GetProperty("progress").GetInt32());
        Assert.Equal(created, data.GetProperty("created").GetInt64());
        Assert.Equal(created + 90, data.GetProperty("completed").GetInt64());
        Assert.Equal(90, data.GetProperty("actual_time").GetInt32());
        var video = data.GetProperty("result").GetProperty("videos")[0];
        Assert.Equal(created + 90 + (long)TimeSpan.FromHours(24).TotalSeconds, video.GetProperty("expires_at").GetInt64());
        Assert.StartsWith(sim.BaseAddress + "files/", video.GetProperty("url")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Succeeded_minimax_task_carries_file_id_and_the_resolutions_pixel_size(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind, Timing);
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(WireDialect.MiniMax);
        var id = await client.SubmitTaskAsync(WireDialect.MiniMax, request);

        var pending = await client.StatusAsync(WireDialect.MiniMax, id);
        sim.Clock.Advance(Timing.CompletedAfter);
        var done = await client.StatusAsync(WireDialect.MiniMax, id);

        Assert.False(pending.TryGetProperty("file_id", out _));
        var size = HailuoSpec.Resolutions.Single(r => string.Equals(r.Name, request.Resolution, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(id, done.GetProperty("task_id").GetString());
        Assert.False(string.IsNullOrEmpty(done.GetProperty("file_id").GetString()));
        Assert.Equal(size.Width, done.GetProperty("video_width").GetInt32());
        Assert.Equal(size.Height, done.GetProperty("video_height").GetInt32());
        Assert.Equal(0, done.GetProperty("base_resp").GetProperty("status_code").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Portrait_first_frame_gives_a_portrait_video(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind, Timing);
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(WireDialect.MiniMax);
        request.Resolution = "768P";
        request.FirstFrameImage = TestImages.DataUrl(TestImages.Png(400, 700), "image/png");
        var id = await client.SubmitTaskAsync(WireDialect.MiniMax, request);

        sim.Clock.Advance(Timing.CompletedAfter);
        var done = await client.StatusAsync(WireDialect.MiniMax, id);

        var size = HailuoSpec.Resolutions.Single(r => r.Name == "768p");
        Assert.Equal(size.Height, done.GetProperty("video_width").GetInt32());
        Assert.Equal(size.Width, done.GetProperty("video_height").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task Task_is_not_found_with_another_key_or_through_the_other_dialect(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind, Timing);
        using var owner = TestClient.For(sim);
        using var stranger = TestClient.For(sim, "another-key");
        var other = dialect == WireDialect.ApiMart ? WireDialect.MiniMax : WireDialect.ApiMart;
        var id = await owner.SubmitTaskAsync(dialect, TestClient.Valid(dialect));

        using var byStranger = await stranger.Http.GetAsync(TestClient.StatusPath(dialect, id));
        using var byOtherDialect = await owner.Http.GetAsync(TestClient.StatusPath(other, id));
        using var unknown = await owner.Http.GetAsync(TestClient.StatusPath(dialect, "404"));

        Assert.Equal(TestClient.ErrorStatus(dialect, HttpStatusCode.NotFound), byStranger.StatusCode);
        Assert.Equal(TestClient.ErrorStatus(other, HttpStatusCode.NotFound), byOtherDialect.StatusCode);
        Assert.Equal(TestClient.ErrorStatus(dialect, HttpStatusCode.NotFound), unknown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Admin_task_list_shows_each_task_with_its_phase_now(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind, Timing);
        using var client = TestClient.For(sim);
        var first = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        sim.Clock.Advance(TimeSpan.FromSeconds(40));
        var second = await client.SubmitTaskAsync(WireDialect.MiniMax, TestClient.Valid(WireDialect.MiniMax));

        var tasks = sim.Admin.Tasks;

        Assert.Equal(new[] { first, second }, tasks.Select(t => t.Id));
        Assert.Equal(new[] { TaskPhase.Processing, TaskPhase.Submitted }, tasks.Select(t => t.Phase));
        Assert.Equal(new[] { WireDialect.ApiMart, WireDialect.MiniMax }, tasks.Select(t => t.Dialect));
    }
}
