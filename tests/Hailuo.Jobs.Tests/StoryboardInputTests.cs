using Hailuo.Jobs.Tests.Support;

namespace Hailuo.Jobs.Tests;

/// <summary>Bad storyboards and a missing ffmpeg get one clear error before any request, and the ledger is untouched.</summary>
public sealed class StoryboardInputTests
{
    private static readonly ModelInfo Model = HailuoSpec.ApiMart.Models[0];

    [Fact]
    public void A_storyboard_without_shots_is_refused_naming_shots()
    {
        var error = Assert.Throws<StoryboardException>(() => StoryboardPlanner.Plan(new Storyboard { Model = Model.Id, Resolution = "768p", Duration = 5 }, HailuoSpec.ApiMart));

        Assert.Contains("'shots'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forbidden_resolution_and_duration_pair_is_refused_naming_both_and_the_allowed_pairs()
    {
        var board = Storyboard.Repeat("x", 20, Model.Id, "1080p", 10);

        var error = Assert.Throws<StoryboardException>(() => StoryboardPlanner.Plan(board, HailuoSpec.ApiMart));

        Assert.Contains("1080p with 'duration' 10 s is not allowed", error.Message, StringComparison.Ordinal);
        Assert.Contains(Model.FindMode(VideoMode.TextToVideo)!.Describe(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_camera_move_is_refused_naming_it_and_the_allowed_moves()
    {
        var board = Storyboard.Repeat("x", 5, Model.Id, "768p", 5);
        board.Shots[0].Camera.Add("Barrel roll");

        var error = Assert.Throws<StoryboardException>(() => StoryboardPlanner.Plan(board, HailuoSpec.ApiMart));

        Assert.Contains("'Barrel roll'", error.Message, StringComparison.Ordinal);
        Assert.Contains(HailuoSpec.Camera.Commands[0], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_ffmpeg_fails_with_how_to_install_it_before_anything_is_submitted()
    {
        await using var world = JobWorld.Start();
        var process = world.StartProcess();
        var empty = Directory.CreateDirectory(Path.Combine(world.Folder, "no-ffmpeg")).FullName;

        var error = Assert.Throws<FfmpegMissingException>(() => new StoryboardRunner(process.Runner, new VideoTools(empty)));

        Assert.Contains("apt-get install -y ffmpeg", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing has been submitted", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Simulator.Admin.Journal);
        Assert.Empty(await process.Ledger.ListAsync());
    }
}
