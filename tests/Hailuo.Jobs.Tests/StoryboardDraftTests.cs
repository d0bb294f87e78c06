namespace Hailuo.Jobs.Tests;

/// <summary>The draft cut: the cheapest pair the spec allows for the model and every mode the storyboard uses, or a refusal.</summary>
public sealed class StoryboardDraftTests
{
    [Theory]
    [InlineData("APIMart", "MiniMax-Hailuo-02", "1080p", 5, "768p", 5)]
    [InlineData("APIMart", "MiniMax-Hailuo-02", "768p", 10, "768p", 5)]
    [InlineData("MiniMax", "MiniMax-Hailuo-02", "1080p", 6, "768p", 6)]
    public void A_draft_plans_every_shot_at_the_cheapest_allowed_pair_with_the_same_prompts(string provider, string model, string resolution, int duration, string draftResolution, int draftDuration)
    {
        var info = provider == "APIMart" ? HailuoSpec.ApiMart : HailuoSpec.MiniMax;
        var board = Storyboard.Repeat("A lighthouse", duration * 2, model, resolution, duration);
        board.Shots[1].Camera.Add("Zoom in");

        var draft = StoryboardPlanner.Plan(board, info, draft: true);
        var final = StoryboardPlanner.Plan(board, info);

        Assert.True(draft.Draft);
        Assert.All(draft.Clips, c => Assert.Equal((draftResolution, draftDuration), (c.Request.Resolution, c.Request.Duration)));
        Assert.Equal(final.Clips.Select(c => c.Request.Prompt), draft.Clips.Select(c => c.Request.Prompt));
    }

    [Fact]
    public void A_draft_of_a_storyboard_already_at_the_cheapest_pair_is_refused_naming_the_pairs()
    {
        var board = Storyboard.Repeat("x", 5, "MiniMax-Hailuo-03", "768p", 5);

        var error = Assert.Throws<StoryboardException>(() => StoryboardPlanner.Plan(board, HailuoSpec.ApiMart, draft: true));

        Assert.Contains("768p 5 s ($0.20) is already the cheapest", error.Message, StringComparison.Ordinal);
        Assert.Contains("allowed: 768p 5 s ($0.20); 768p 10 s ($0.40); 1080p 5 s ($0.40)", error.Message, StringComparison.Ordinal);
    }
}
