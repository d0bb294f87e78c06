using Xunit;

namespace Hailuo.Contracts.Tests;

public sealed class TypedRequestTests
{
    private static readonly ImageReference Frame = ImageReference.Parse(Requests.ImageUrl);

    [Fact]
    public void A_typed_request_becomes_an_untyped_request_the_validator_accepts()
    {
        var typed = ApiMart.Hailuo02.FirstAndLastFrame(Prompt.Of("Day turns to night").Camera(CameraMove.PanLeft), Frame, Frame).At768p().Seconds10()
            .WithoutPromptOptimizer().WithWatermark().WithCallback(new Uri("https://hooks.example/done"));

        var request = typed.ToRequest();

        Assert.Equal("MiniMax-Hailuo-02", request.Model);
        Assert.Equal("Day turns to night [Pan left]", request.Prompt);
        Assert.Equal(("768p", 10), (request.Resolution, request.Duration));
        Assert.Equal(VideoMode.FirstAndLastFrame, request.EffectiveMode());
        Assert.Equal((false, true, "https://hooks.example/done"), (request.PromptOptimizer, request.Watermark, request.CallbackUrl));
        Assert.True(new ApiMartRequestValidator().Validate(request).IsValid);
    }

    [Fact]
    public void The_cost_of_a_1080p_clip_comes_from_the_spec_price()
    {
        var typed = ApiMart.Hailuo02.TextToVideo("A city at night").At1080p().Seconds5();

        Assert.Equal(0.40m, typed.EstimatedCost.Dollars);
        Assert.Equal("$0.40", typed.EstimatedCost.ToString());
        Assert.Equal(typed.EstimatedCost, CostEstimate.For(HailuoSpec.ApiMart, typed.ToRequest()));
    }

    [Fact]
    public void An_unpublished_price_is_an_unknown_cost_not_zero()
    {
        var typed = MiniMax.I2V01.ImageToVideo("x", Frame).At720p().Seconds6();

        Assert.Null(typed.EstimatedCost.Dollars);
        Assert.Equal("unknown (price not published)", typed.EstimatedCost.ToString());
    }

    [Fact]
    public void The_untyped_cost_uses_the_provider_defaults_for_missing_fields()
    {
        var cost = CostEstimate.For(HailuoSpec.ApiMart, new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = "x" });

        Assert.Equal(0.20m, cost.Dollars);
    }

    [Fact]
    public void Subject_reference_sends_the_subject_image()
    {
        var request = ApiMart.Hailuo03.SubjectReference("She waves", Frame).At1080p().Seconds5().ToRequest();

        Assert.Equal(Requests.ImageUrl, Assert.Single(Assert.Single(request.SubjectReference!).Image));
        Assert.True(new ApiMartRequestValidator().Validate(request).IsValid);
    }

    [Fact]
    public void The_wire_resolution_follows_the_provider_spelling()
    {
        Assert.Equal("768P", HailuoSpec.MiniMax.WireResolution("768p"));
        Assert.Equal("768p", HailuoSpec.ApiMart.WireResolution("768P"));
    }

    [Fact]
    public void The_catalog_lists_each_resolution_with_its_pixel_size()
    {
        Assert.Equal(new[] { "512p", "720p", "768p", "1080p" }, HailuoSpec.Resolutions.Select(r => r.Name));
        Assert.Equal(Resolutions.All, HailuoSpec.Resolutions.Select(r => r.Name));
        Assert.All(HailuoSpec.Resolutions, r => Assert.Equal(int.Parse(r.Name.TrimEnd('p'), System.Globalization.CultureInfo.InvariantCulture), r.Height));
    }

    [Fact]
    public void Typed_requests_describe_themselves_without_secrets()
    {
        Assert.Equal("MiniMax-Hailuo-02 text-to-video 768p 6 s on MiniMax", MiniMax.Hailuo02.TextToVideo("x").At768p().Seconds6().ToString());
    }
}
