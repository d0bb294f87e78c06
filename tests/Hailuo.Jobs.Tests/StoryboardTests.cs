using Hailuo.Jobs.Tests.Support;
using Hailuo.MockServer.Video;
using Hailuo.Testing;

namespace Hailuo.Jobs.Tests;

public sealed class StoryboardTests
{
    private static readonly ModelInfo Model = HailuoSpec.ApiMart.Models[0];

    [Fact]
    public async Task A_30_second_1080p_chained_film_of_six_shots_costs_what_the_plan_said_and_probes_as_1920x1080_for_30_seconds()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess();
        var plan = StoryboardPlanner.Plan(Storyboard.Repeat("A red kite over the dunes", 30, Model.Id, "1080p", 5), HailuoSpec.ApiMart);
        var output = Path.Combine(world.Folder, "film.mp4");

        Assert.Equal(6, plan.Clips.Count);
        Assert.Equal(6 * 5 * Model.PricePerSecond("1080p")!.Value, plan.TotalDollars);
        Assert.Equal("$2.40", plan.TotalCost);
        Assert.Contains("total $2.40", plan.Describe(), StringComparison.Ordinal);
        Assert.Empty(world.Simulator.Admin.Journal);

        var result = await world.Time.RunAsync(new StoryboardRunner(process.Runner, new VideoTools()).RunAsync(plan, output));

        Assert.NotNull(result.Film);
        Assert.True(result.Film.StreamCopy);
        var (codec, width, height, duration) = await Ffprobe.ProbeAsync(output);
        Assert.Equal(("h264", 1920, 1080), (codec, width, height));
        Assert.InRange(duration, 29.5, 30.5);
        var submits = world.Simulator.Admin.Journal.Where(e => e.Endpoint == SimulatorEndpoint.Submit).ToList();
        Assert.Equal(6, submits.Count);
        Assert.DoesNotContain("first_frame_image", submits[0].Body, StringComparison.Ordinal);
        Assert.All(submits.Skip(1), s => Assert.Contains("first_frame_image", s.Body, StringComparison.Ordinal));
        Assert.All(world.Simulator.Admin.Tasks.Skip(1), t => Assert.Equal(VideoMode.ImageToVideo, t.Mode));

        // The decoded marks are in shot order, and each shot begins with the frame the previous one ended on.
        for (var k = 0; k < 6; k++)
        {
            var mark = FrameMark.Of(result.Clips[k].TaskId!);
            Assert.Equal(mark, FrameMark.Read(await GrayFrame.ReadAsync(output, (5 * k) + 2.5), 1920, 1080));
            if (k < 5)
            {
                Assert.Equal(mark, FrameMark.Read(await GrayFrame.ReadAsync(output, 5 * (k + 1)), 1920, 1080));
            }
        }
    }

    [Fact]
    public async Task A_storyboard_stopped_after_clip_3_resumes_at_clip_4_without_submitting_clips_1_to_3_again()
    {
        await using var world = JobWorld.Start();
        var plan = StoryboardPlanner.Plan(Storyboard.Repeat("A lighthouse at dusk", 30, Model.Id, "768p", 5), HailuoSpec.ApiMart);
        var output = Path.Combine(world.Folder, "film.mp4");
        using var empty = new SqliteJobStore(Path.Combine(world.Folder, "empty.db"));
        var fourth = (await StoryboardRunner.PrepareAsync(empty, plan)).Shots[3].Key;
        var first = world.StartProcess(store: s => new KillBeforeWriting(s, JobState.Submitting, fourth));
        await Assert.ThrowsAsync<ProcessKilledException>(() => world.Time.RunAsync(new StoryboardRunner(first.Runner, new VideoTools()).RunAsync(plan, output)));
        Assert.Equal(3, world.SubmitsReceived);

        var result = await world.Time.RunAsync(new StoryboardRunner(world.StartProcess().Runner, new VideoTools()).RunAsync(plan, output));

        Assert.NotNull(result.Film);
        Assert.Equal(6, world.SubmitsReceived);
        Assert.Equal(6, world.Simulator.Admin.Tasks.Count);
        Assert.Equal(6, result.Clips.Select(c => c.TaskId).Distinct().Count());
    }

    [Fact]
    public async Task Independent_shots_are_submitted_together_and_stitched_in_shot_order()
    {
        await using var world = JobWorld.Start();
        var board = Storyboard.Repeat("x", 15, Model.Id, "768p", 5, StoryboardMode.Independent);
        board.Shots[1].Prompt = "second";
        var plan = StoryboardPlanner.Plan(board, HailuoSpec.ApiMart);

        var result = await world.Time.RunAsync(new StoryboardRunner(world.StartProcess().Runner, new VideoTools()).RunAsync(plan, Path.Combine(world.Folder, "film.mp4")));

        Assert.Equal(result.Shots.Select(s => s.Key), result.Clips.Select(c => c.Key));
        Assert.Equal(3, result.Clips.Select(c => c.Key).Distinct().Count());
        Assert.Equal(3, world.SubmitsReceived);
        Assert.InRange(result.Film!.Duration.TotalSeconds, 14.5, 15.5);
        Assert.DoesNotContain(world.Simulator.Admin.Journal, e => e.Body.Contains("first_frame_image", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_storyboard_over_its_budget_is_refused_before_any_request()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess();
        var plan = StoryboardPlanner.Plan(Storyboard.Repeat("x", 30, Model.Id, "1080p", 5), HailuoSpec.ApiMart);

        var refused = await Assert.ThrowsAsync<HailuoBudgetExceededException>(() => world.Time.RunAsync(new StoryboardRunner(process.Runner, new VideoTools()).RunAsync(plan, Path.Combine(world.Folder, "film.mp4"), budget: new JobBudget(plan.TotalDollars!.Value - 0.01m))));

        Assert.Equal(plan.TotalDollars, refused.CostDollars);
        Assert.Empty(world.Simulator.Admin.Journal);
        Assert.Empty(await process.Ledger.ListAsync());
    }

    [Fact]
    public async Task Clips_whose_codec_parameters_differ_are_re_encoded_to_the_first_clips_size()
    {
        var folder = Directory.CreateTempSubdirectory("hailuo-stitch-").FullName;
        var a = Path.Combine(folder, "a.mp4");
        var b = Path.Combine(folder, "b.mp4");
        await File.WriteAllBytesAsync(a, Mp4Video.Create(640, 360, 2));
        await File.WriteAllBytesAsync(b, Mp4Video.Create(320, 180, 1));

        var result = await new VideoTools().StitchAsync([a, b], Path.Combine(folder, "film.mp4"));

        Assert.False(result.StreamCopy);
        var (_, width, height, duration) = await Ffprobe.ProbeAsync(result.Path);
        Assert.Equal((640, 360), (width, height));
        Assert.InRange(duration, 2.5, 3.5);
        Directory.Delete(folder, true);
    }
}
