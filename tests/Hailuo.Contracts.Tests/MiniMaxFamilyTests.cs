using Xunit;

namespace Hailuo.Contracts.Tests;

/// <summary>MiniMax's whole video family as the spec gives it: optional prompts, the 01 series' own defaults, prices per clip.</summary>
public sealed class MiniMaxFamilyTests
{
    public static TheoryData<string, string, string, string, int> ModeCells()
    {
        var data = new TheoryData<string, string, string, string, int>();
        foreach (var (provider, model, mode, resolution, duration) in SpecOracle.ModeCells())
        {
            data.Add(provider, model, mode, resolution, duration);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModeCells))]
    public void A_request_without_prompt_is_accepted_exactly_where_the_spec_says_the_prompt_is_optional(string provider, string model, string mode, string resolution, int duration)
    {
        var request = Requests.For(model, mode, resolution, duration, prompt: null);

        var result = HailuoValidators.For(provider)!.Validate(request);

        var promptErrors = result.Errors.Where(e => e.PropertyName == "prompt").ToList();
        Assert.Equal(SpecOracle.RequiresPrompt(provider, model, mode), promptErrors.Count > 0);
        Assert.All(promptErrors, e => Assert.StartsWith("'prompt' is required in " + mode, e.ErrorMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_prompt_is_the_same_as_none_where_it_is_optional_and_refused_where_it_is_required()
    {
        var imageOnly = Requests.For("I2V-01", "image-to-video", null, null, prompt: string.Empty);
        var textOnly = Requests.For("T2V-01", "text-to-video", null, null, prompt: " ");

        Assert.True(new MiniMaxRequestValidator().Validate(imageOnly).IsValid);
        Assert.Contains(new MiniMaxRequestValidator().Validate(textOnly).Errors, e => e.ErrorMessage.StartsWith("'prompt' is empty in text-to-video", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I2V-01", "image-to-video")]
    [InlineData("T2V-01-Director", "text-to-video")]
    [InlineData("S2V-01", "subject-reference")]
    public void The_01_series_without_resolution_or_duration_gets_its_own_defaults_not_the_providers(string model, string mode)
    {
        var request = Requests.For(model, mode, null, null);

        Assert.True(new MiniMaxRequestValidator().Validate(request).IsValid);
        Assert.Equal(("720p", 6), (HailuoSpec.MiniMax.ResolutionFor(request), HailuoSpec.MiniMax.DurationFor(request)));
        Assert.Equal(("768p", 6), (HailuoSpec.MiniMax.ResolutionFor(Requests.For("MiniMax-Hailuo-02", "text-to-video", null, null)), HailuoSpec.MiniMax.Defaults.Duration));
    }

    [Theory]
    [InlineData("MiniMax-Hailuo-2.3-Fast", "768p", 6, "0.19")]
    [InlineData("MiniMax-Hailuo-2.3-Fast", "768p", 10, "0.32")]
    [InlineData("MiniMax-Hailuo-02", "512p", 10, "0.15")]
    [InlineData("MiniMax-Hailuo-2.3", "1080p", 6, "0.49")]
    public void MiniMax_prices_are_per_clip_as_its_price_list_gives_them(string model, string resolution, int duration, string dollars)
    {
        var request = Requests.For(model, "image-to-video", resolution, duration);

        Assert.Equal(decimal.Parse(dollars, System.Globalization.CultureInfo.InvariantCulture), CostEstimate.For(HailuoSpec.MiniMax, request).Dollars);
    }

    [Fact]
    public void A_typed_image_to_video_request_may_leave_the_prompt_out_where_the_provider_documents_it_optional()
    {
        var typed = MiniMax.I2V01.ImageToVideo(ImageReference.Parse(Requests.ImageUrl)).At720p().Seconds6();

        var request = typed.ToRequest();

        Assert.Null(request.Prompt);
        Assert.Equal(("I2V-01", "720p", 6), (request.Model, request.Resolution, request.Duration));
        Assert.True(new MiniMaxRequestValidator().Validate(request).IsValid);
        Assert.Equal(CostEstimate.For(HailuoSpec.MiniMax, request), typed.EstimatedCost);
    }
}
