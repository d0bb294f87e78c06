using Hailuo.Testing;
using Xunit;

namespace Hailuo.Cli.Tests;

/// <summary>`--draft` renders at the cheapest pair the spec allows, beside --out; the final renders at the storyboard's own; they never share a job.</summary>
public sealed class FilmDraftTests
{
    [Fact]
    public async Task A_draft_renders_at_768p_5_s_with_its_cost_beside_the_finals_then_the_final_at_1080p_and_a_second_draft_only_the_edit()
    {
        await using var studio = await FilmStudio.OpenAsync();
        studio.Write("Independent", "1080p", "A lighthouse at dusk", "The lamp turns on");
        var draft = Path.ChangeExtension(studio.Out, ".draft.mp4");

        var (exit, output, error) = await studio.StoryAsync("--draft");

        Assert.True(exit == 0, error + output);
        Assert.Contains("draft plan on APIMart (simulator), at 768p 5 s:", output, StringComparison.Ordinal);
        Assert.Contains("2 shots, 10 s, independent: estimated $0.40 (the final at 1080p 5 s: $0.80)", output, StringComparison.Ordinal);
        Assert.All(studio.Simulator.Admin.Tasks, t => Assert.Equal(("768p", 5, 0.20m), (t.Resolution, t.Duration, t.Cost)));
        Assert.Equal(2, studio.Tasks);
        Assert.Equal((1366, 768), ((await Ffprobe.ProbeAsync(draft)).Width, (await Ffprobe.ProbeAsync(draft)).Height));
        Assert.True(File.Exists(draft + ".contact.png"));
        Assert.False(File.Exists(studio.Out));

        var (final, finalOutput, finalError) = await studio.StoryAsync();

        Assert.True(final == 0, finalError + finalOutput);
        Assert.Contains("2 of 2 shots to render: $0.80; 0 reused", finalOutput, StringComparison.Ordinal);
        Assert.Equal(4, studio.Tasks);
        Assert.All(studio.Simulator.Admin.Tasks.Skip(2), t => Assert.Equal("1080p", t.Resolution));
        var (_, width, height, _) = await Ffprobe.ProbeAsync(studio.Out);
        Assert.Equal((1920, 1080), (width, height));

        studio.Write("Independent", "1080p", "A lighthouse at dusk", "The lamp turns off");
        var (redraft, redraftOutput, redraftError) = await studio.StoryAsync("--draft");

        Assert.True(redraft == 0, redraftError + redraftOutput);
        Assert.Contains("1 of 2 shots to render: $0.20; 1 reused", redraftOutput, StringComparison.Ordinal);
        Assert.Equal(5, studio.Tasks);
        Assert.Equal(("The lamp turns off", "768p"), (studio.Simulator.Admin.Tasks[^1].Prompt, studio.Simulator.Admin.Tasks[^1].Resolution));
    }
}
