using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>The library's content keys: a ledger of the former "{key}/shot-NN" jobs resumes, --redo makes takes, a draft never shares a final's job.</summary>
public sealed class StoryboardTakesTests
{
    private static readonly ModelInfo Model = HailuoSpec.ApiMart.Models[0];

    [Fact]
    public async Task A_ledger_of_former_storyboard_keys_is_resumed_then_a_redo_renders_one_new_take_and_a_draft_shares_nothing()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess();
        var board = Storyboard.Repeat("x", 10, Model.Id, "768p", 5, StoryboardMode.Independent);
        board.Shots[1].Prompt = "y";
        var plan = StoryboardPlanner.Plan(board, HailuoSpec.ApiMart);
        var output = Path.Combine(world.Folder, "film.mp4");

        // What StoryboardRunner.RunAsync("ad", ...) of the former release left: shot 1 stored under "ad/shot-01".
        await world.Time.RunAsync(process.Runner.RunAsync("ad/shot-01", plan.Clips[0].Request));
        var films = new StoryboardRunner(process.Runner, new VideoTools());
        var resumed = await world.Time.RunAsync(films.RunAsync(plan, output, new StoryboardRunOptions { FormerKey = "ad" }));

        Assert.NotNull(resumed.Film);
        Assert.Equal(2, world.SubmitsReceived);
        Assert.Equal([ShotWork.Reuse, ShotWork.Render], resumed.Shots.Select(s => s.Work));
        Assert.Equal("ad/shot-01", resumed.Clips[0].Key);

        var redo = await world.Time.RunAsync(films.RunAsync(plan, output, new StoryboardRunOptions { FormerKey = "ad", Redo = [2] }));

        Assert.Equal(3, world.SubmitsReceived);
        Assert.Equal((2, ShotWork.Render, true), (redo.Shots[1].Take, redo.Shots[1].Work, redo.Shots[1].NewTake));
        Assert.Equal("render take 2 (new take)", redo.Shots[1].Describe());
        var newest = await films.PrepareAsync(plan, new StoryboardRunOptions { FormerKey = "ad" });
        Assert.Equal((2, ShotWork.Reuse), (newest.Shots[1].Take, newest.Shots[1].Work));

        var draft = await films.PrepareAsync(StoryboardPlanner.Plan(Storyboard.Repeat("x", 10, Model.Id, "1080p", 5, StoryboardMode.Independent), HailuoSpec.ApiMart, draft: true));
        Assert.All(draft.Shots, s => Assert.Equal(ShotWork.Render, s.Work));
        Assert.Empty(draft.Shots.Select(s => s.Key).Intersect(newest.Shots.Select(s => s.Key)));
    }

    [Fact]
    public async Task A_pinned_take_the_ledger_does_not_hold_is_refused_before_anything_is_written()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess();
        var board = Storyboard.Repeat("x", 10, Model.Id, "768p", 5);
        board.Shots[1].Take = 2;

        var error = await Assert.ThrowsAsync<StoryboardException>(() => new StoryboardRunner(process.Runner, new VideoTools()).RunAsync(StoryboardPlanner.Plan(board, HailuoSpec.ApiMart), Path.Combine(world.Folder, "film.mp4")));

        Assert.Equal("shots[1].take is 2, but the ledger holds no take of it yet for shot 2 as written; remove the pin to use the newest take.", error.Message);
        Assert.Empty(await process.Ledger.ListAsync());
        Assert.Empty(world.Simulator.Admin.Journal);
    }
}
