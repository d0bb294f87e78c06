using Xunit;

namespace Hailuo.Contracts.Tests;

public sealed class ImageRuleTests
{
    private static FluentValidation.Results.ValidationResult Validate(VideoGenerationRequest request) => new ApiMartRequestValidator().Validate(request);

    private static VideoGenerationRequest ImageToVideo(string firstFrame) =>
        new() { Model = "MiniMax-Hailuo-02", Prompt = "x", Resolution = "768p", Duration = 5, FirstFrameImage = firstFrame };

    [Theory]
    [InlineData("https://images.example/a.jpg")]
    [InlineData("http://images.example/a.webp?sig=1")]
    [InlineData(Requests.DataUrl)]
    [InlineData("data:image/jpeg;base64,/9j/4AAQ")]
    [InlineData("data:image/webp;base64,UklGRg==")]
    public void Urls_and_data_urls_of_allowed_types_are_accepted(string image)
    {
        Assert.True(Validate(ImageToVideo(image)).IsValid);
    }

    [Theory]
    [InlineData("ftp://images.example/a.jpg", "neither a public http(s) URL nor a data URL")]
    [InlineData("images/a.jpg", "neither a public http(s) URL nor a data URL")]
    [InlineData("data:image/gif;base64,R0lGOD==", "media type 'image/gif'; allowed: image/jpeg, image/png, image/webp")]
    [InlineData("data:image/png,rawbytes", "must be base64 encoded")]
    [InlineData("data:image/png;base64,not*base64", "not valid base64")]
    [InlineData("data:image/png;base64,abc", "not valid base64")]
    [InlineData("", "The image is empty")]
    public void Other_image_forms_are_rejected_naming_what_is_allowed(string image, string expected)
    {
        var error = Assert.Single(Validate(ImageToVideo(image)).Errors);

        Assert.Equal("first_frame_image", error.PropertyName);
        Assert.Equal(ValidationCodes.Image, error.ErrorCode);
        Assert.Contains(expected, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_data_url_is_shortened_in_the_message()
    {
        var image = "data:image/png;base64," + new string('*', 100_000);

        var error = Assert.Single(Validate(ImageToVideo(image)).Errors);

        Assert.True(error.ErrorMessage.Length < 200, error.ErrorMessage);
        Assert.Equal("data:image/png;base64,... (100,022 characters)", error.AttemptedValue);
    }

    [Fact]
    public void A_last_frame_without_a_first_frame_is_rejected()
    {
        var request = new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = "x", Resolution = "768p", Duration = 5, LastFrameImage = Requests.ImageUrl };

        var error = Assert.Single(Validate(request).Errors);

        Assert.Equal("last_frame_image", error.PropertyName);
        Assert.Contains("needs 'first_frame_image'", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VideoMode.ImageToVideo, "first_frame_image")]
    [InlineData(VideoMode.FirstAndLastFrame, "first_frame_image")]
    public void An_explicit_mode_needs_its_frames(VideoMode mode, string field)
    {
        var request = new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = "x", Resolution = "768p", Duration = 5, Mode = mode };

        Assert.Contains(Validate(request).Errors, e => e.PropertyName == field && e.ErrorCode == ValidationCodes.Image);
    }

    [Fact]
    public void First_and_last_frame_asked_for_with_only_a_first_frame_needs_the_last_frame()
    {
        var request = ImageToVideo(Requests.ImageUrl);
        request.Mode = VideoMode.FirstAndLastFrame;

        var error = Assert.Single(Validate(request).Errors);

        Assert.Equal("last_frame_image", error.PropertyName);
    }

    [Fact]
    public void Subject_reference_needs_an_image()
    {
        var request = new VideoGenerationRequest { Model = "MiniMax-Hailuo-03", Prompt = "x", Resolution = "768p", Duration = 5, Mode = VideoMode.SubjectReference };

        var error = Assert.Single(Validate(request).Errors);

        Assert.Equal("subject_reference", error.PropertyName);
    }

    [Fact]
    public void A_subject_image_in_the_wrong_form_is_rejected()
    {
        var request = Requests.For("MiniMax-Hailuo-03", "subject-reference", "768p", 5);
        request.SubjectReference![0].Image[0] = "file:///tmp/me.png";

        Assert.Equal("subject_reference", Assert.Single(Validate(request).Errors).PropertyName);
    }

    [Theory]
    [InlineData("https://hooks.example/hailuo", true)]
    [InlineData("hooks.example/hailuo", false)]
    [InlineData("mailto:me@example.com", false)]
    public void The_callback_url_must_be_absolute_http(string url, bool valid)
    {
        var request = Requests.For("MiniMax-Hailuo-02", "text-to-video", "768p", 5);
        request.CallbackUrl = url;

        var result = Validate(request);

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(ValidationCodes.CallbackUrl, e.ErrorCode));
    }

    [Fact]
    public void ImageReference_builds_data_urls_from_bytes_and_refuses_other_types()
    {
        var image = ImageReference.FromBytes(new byte[] { 1, 2, 3 }, "image/png");

        Assert.Equal("data:image/png;base64,AQID", image.Value);
        Assert.Throws<ArgumentException>(() => ImageReference.FromBytes(new byte[] { 1 }, "image/gif"));
        Assert.Throws<ArgumentException>(() => ImageReference.Parse("ftp://x.example/a.png"));
        Assert.Throws<ArgumentException>(() => ImageReference.FromUrl(new Uri("file:///tmp/a.png")));
    }
}
