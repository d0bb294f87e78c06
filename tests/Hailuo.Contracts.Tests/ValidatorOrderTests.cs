using Xunit;

namespace Hailuo.Contracts.Tests;

/// <summary>The generated validator runs every check, in one rule, and reports their failures in the checks' order.</summary>
public sealed class ValidatorOrderTests
{
    [Fact]
    public void A_request_wrong_everywhere_gets_every_failure_in_order()
    {
        var request = Requests.For("MiniMax-Hailuo-02", "text-to-video", "1080p", 10, "A cat [Orbit right");
        request.LastFrameImage = Requests.ImageUrl;
        request.CallbackUrl = "ftp://hooks.example/hailuo";

        var errors = new ApiMartRequestValidator().Validate(request).Errors;

        Assert.Equal(new[] { "duration", "prompt", "last_frame_image", "callback_url" }, errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void An_unknown_model_still_gets_its_prompt_and_callback_checked()
    {
        var request = Requests.For("MiniMax-Hailuo-99", "text-to-video", "768p", 5, "A cat []");
        request.CallbackUrl = "not a url";

        var errors = new ApiMartRequestValidator().Validate(request).Errors;

        Assert.Equal(new[] { "model", "prompt", "callback_url" }, errors.Select(e => e.PropertyName));
    }
}
