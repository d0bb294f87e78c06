using Hailuo.Contracts;
using Hailuo.Jobs;
using Hailuo.MockServer.Video;
using Hailuo.Testing;
using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>Re-renders pay only for what changed: shots are keyed by their content, counted from the simulator's task list.</summary>
public sealed class FilmEditTests
{
    [Fact]
    public async Task Editing_one_independent_shot_renders_only_that_shot_and_the_film_shows_its_new_content()
    {
        await using var studio = await FilmStudio.OpenAsync();
        studio.Write("Independent", "768p", "A harbour at dawn", "Gulls over the pier", "A fishing boat leaves", "The sun clears the fog");
        var (first, _, error) = await studio.StoryAsync();
        Assert.True(first == 0, error);
        Assert.Equal(4, studio.Tasks);

        studio.Write("Independent", "768p", "A harbour at dawn", "Gulls over the pier", "A red fishing boat leaves", "The sun clears the fog");
        var (second, output, error2) = await studio.StoryAsync();

        Assert.True(second == 0, error2 + output);
        Assert.Equal(5, studio.Tasks);
        Assert.Equal("A red fishing boat leaves", studio.Simulator.Admin.Tasks[^1].Prompt);
        Assert.Contains("1 of 4 shots to render: $0.20; 3 reused", output, StringComparison.Ordinal);
        Assert.Equal(FrameMark.Of(studio.Task("A red fishing boat leaves").Id), await FilmStudio.MarkAtAsync(studio.Out, 12.5));
        Assert.Equal(FrameMark.Of(studio.Task("The sun clears the fog").Id), await FilmStudio.MarkAtAsync(studio.Out, 17.5));
    }

    [Fact]
    public async Task Editing_shot_2_of_a_chained_film_renders_shots_2_to_4_because_their_first_frames_change()
    {
        await using var studio = await FilmStudio.OpenAsync();
        studio.Write("Chained", "768p", "A kite on the beach", "The kite lifts", "The kite climbs", "The kite is a dot");
        Assert.Equal(0, (await studio.StoryAsync()).Exit);
        Assert.Equal(4, studio.Tasks);

        studio.Write("Chained", "768p", "A kite on the beach", "The kite lifts fast", "The kite climbs", "The kite is a dot");
        var (exit, output, error) = await studio.StoryAsync();

        Assert.True(exit == 0, error + output);
        Assert.Equal(7, studio.Tasks);
        Assert.Equal(["The kite lifts fast", "The kite climbs", "The kite is a dot"], studio.Simulator.Admin.Tasks.Skip(4).Select(t => t.Prompt));
        Assert.Contains("3 of 4 shots to render: $0.60; 1 reused", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reordering_independent_shots_renders_nothing_and_the_film_follows_the_new_order()
    {
        await using var studio = await FilmStudio.OpenAsync();
        studio.Write("Independent", "768p", "One", "Two", "Three");
        Assert.Equal(0, (await studio.StoryAsync()).Exit);

        studio.Write("Independent", "768p", "Three", "One", "Two");
        var (exit, output, error) = await studio.StoryAsync();

        Assert.True(exit == 0, error + output);
        Assert.Equal(3, studio.Tasks);
        Assert.Contains("0 of 3 shots to render: $0.00; 3 reused", output, StringComparison.Ordinal);
        Assert.Equal(FrameMark.Of(studio.Task("Three").Id), await FilmStudio.MarkAtAsync(studio.Out, 2.5));
    }

    [Fact]
    public async Task Redo_renders_a_new_take_which_the_film_uses_until_the_storyboard_pins_the_first()
    {
        await using var studio = await FilmStudio.OpenAsync();
        studio.Write("Independent", "768p", "A door opens", "A cat walks in");
        Assert.Equal(0, (await studio.StoryAsync()).Exit);
        var take1 = studio.Task("A door opens").Id;

        var (exit, output, error) = await studio.StoryAsync("--redo", "1");

        Assert.True(exit == 0, error + output);
        Assert.Equal(3, studio.Tasks);
        Assert.Contains("render take 2 (new take)", output, StringComparison.Ordinal);
        Assert.Contains("1 of 2 shots to render: $0.20; 1 reused", output, StringComparison.Ordinal);
        var take2 = studio.Task("A door opens").Id;
        Assert.NotEqual(take1, take2);
        Assert.Equal(FrameMark.Of(take2), await FilmStudio.MarkAtAsync(studio.Out, 2.5));

        var (again, _, _) = await studio.StoryAsync();
        Assert.Equal(0, again);
        Assert.Equal(3, studio.Tasks);
        Assert.Equal(FrameMark.Of(take2), await FilmStudio.MarkAtAsync(studio.Out, 2.5));

        studio.WriteShots("Independent", "768p", [new { prompt = "A door opens", take = 1 }, new { prompt = "A cat walks in" }]);
        var (pinned, pinOutput, pinError) = await studio.StoryAsync();
        Assert.True(pinned == 0, pinError + pinOutput);
        Assert.Equal(3, studio.Tasks);
        Assert.Equal(FrameMark.Of(take1), await FilmStudio.MarkAtAsync(studio.Out, 2.5));
    }

    [Fact]
    public async Task A_ledger_from_the_former_release_resumes_the_film_it_was_making_without_paying_again()
    {
        await using var studio = await FilmStudio.OpenAsync();
        studio.Write("Independent", "768p", "Old film, shot one", "Old film, shot two", "Old film, shot three");

        // What the release at 8671726 keyed this storyboard under --sim (it printed "film film-39fc218ae573"): two shots stored, the third submitted.
        const string film = "film-39fc218ae573";
        using var client = new HailuoClient(HailuoClientOptions.ApiMart("sim-key").WithBaseAddress(studio.Simulator.BaseAddress));
        var third = await client.SubmitAsync(new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = "Old film, shot three", Resolution = "768p", Duration = 5 });
        using (var ledger = new SqliteJobStore(studio.Out + ".ledger.db"))
        {
            for (var shot = 1; shot <= 3; shot++)
            {
                var clip = Path.Combine(studio.Folder, $"old-{shot}.mp4");
                await File.WriteAllBytesAsync(clip, Mp4Video.Create(1366, 768, 5));
                await ledger.AddOrGetAsync(new JobRecord
                {
                    Key = $"{film}/shot-0{shot}",
                    Provider = "APIMart",
                    State = shot < 3 ? JobState.Stored : JobState.Submitted,
                    Request = $$"""{"model":"MiniMax-Hailuo-02","prompt":"Old film, shot {{shot}}","duration":5,"resolution":"768p"}""",
                    TaskId = shot < 3 ? $"task_old_{shot}" : third.Id,
                    Submits = 1,
                    Location = shot < 3 ? clip : null,
                    CreatedAt = DateTimeOffset.UnixEpoch,
                    UpdatedAt = DateTimeOffset.UnixEpoch,
                });
            }
        }

        var (exit, output, error) = await studio.StoryAsync();

        Assert.True(exit == 0, error + output);
        Assert.Contains("0 of 3 shots to render: $0.00; 2 reused, 1 resumed (already paid)", output, StringComparison.Ordinal);
        Assert.Equal(third.Id, Assert.Single(studio.Simulator.Admin.Tasks).Id);
        Assert.InRange((await Ffprobe.ProbeAsync(studio.Out)).Duration, 14.5, 15.5);
        Assert.Equal(FrameMark.Of(third.Id), await FilmStudio.MarkAtAsync(studio.Out, 12.5));
    }
}
