using FluentValidation;
using Xunit;

namespace Hailuo.Contracts.Tests;

public sealed class ValidatorMatrixTests
{
    public static TheoryData<string, string, string, string, int> Cells()
    {
        var data = new TheoryData<string, string, string, string, int>();
        foreach (var (provider, model) in SpecOracle.Models())
        {
            foreach (var mode in SpecOracle.Modes)
            {
                foreach (var resolution in SpecOracle.CandidateResolutions)
                {
                    foreach (var duration in SpecOracle.CandidateDurations)
                    {
                        data.Add(provider, model, mode, resolution, duration);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void A_request_is_accepted_exactly_where_the_spec_allows_its_cell(string provider, string model, string mode, string resolution, int duration)
    {
        var validator = HailuoValidators.For(provider)!;
        var request = Requests.For(model, mode, resolution, duration);

        var result = validator.Validate(request);

        var allowed = SpecOracle.Allows(provider, model, mode, resolution, duration);
        Assert.True(allowed == result.IsValid, $"{provider} {model} {mode} {resolution} {duration}s: spec says {(allowed ? "allowed" : "forbidden")}, validator said {string.Join("; ", result.Errors)}");
        if (!allowed)
        {
            var error = Assert.Single(result.Errors);
            var expectedCode = SpecOracle.Mode(provider, model, mode) is null ? ValidationCodes.Mode
                : SpecOracle.Durations(provider, model, mode, resolution) is null ? ValidationCodes.Resolution
                : ValidationCodes.ResolutionDuration;
            Assert.Equal(expectedCode, error.ErrorCode);
        }
    }

    [Fact]
    public void A_forbidden_pair_names_the_allowed_durations_for_that_resolution()
    {
        var result = new ApiMartRequestValidator().Validate(Requests.For("MiniMax-Hailuo-02", "text-to-video", "1080p", 10));

        var error = Assert.Single(result.Errors);
        Assert.Equal("duration", error.PropertyName);
        Assert.Equal(10, error.AttemptedValue);
        Assert.Equal("'duration' is 10 at 1080p: MiniMax-Hailuo-02 text-to-video on APIMart allows 5 s at 1080p (pairs: 512p: 5, 10 s; 768p: 5, 10 s; 1080p: 5 s).", error.ErrorMessage);
        var row = Assert.IsType<MatrixRow>(error.CustomState);
        Assert.Equal(new[] { 5 }, row.Durations);
    }

    [Fact]
    public void A_resolution_the_mode_lacks_names_the_resolutions_it_has()
    {
        var result = new MiniMaxRequestValidator().Validate(Requests.For("MiniMax-Hailuo-02", "text-to-video", "512p", 6));

        var error = Assert.Single(result.Errors);
        Assert.Equal("resolution", error.PropertyName);
        Assert.Equal(ValidationCodes.Resolution, error.ErrorCode);
        Assert.Contains("offers 768p, 1080p", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mode_the_model_lacks_names_the_modes_it_has_and_why_that_mode_was_assumed()
    {
        var result = new MiniMaxRequestValidator().Validate(Requests.For("MiniMax-Hailuo-2.3-Fast", "text-to-video", "768p", 6));

        var error = Assert.Single(result.Errors);
        Assert.Equal(ValidationCodes.Mode, error.ErrorCode);
        Assert.Equal("MiniMax-Hailuo-2.3-Fast on MiniMax does not offer text-to-video (no image is set); it offers: image-to-video.", error.ErrorMessage);
    }

    [Theory]
    [InlineData("APIMart", null, "'model' is required; APIMart offers: MiniMax-Hailuo-02, MiniMax-Hailuo-03.")]
    [InlineData("APIMart", "MiniMax-Hailuo-2.3", "'model' is 'MiniMax-Hailuo-2.3', which APIMart does not offer; allowed: MiniMax-Hailuo-02, MiniMax-Hailuo-03.")]
    [InlineData("MiniMax", "minimax-hailuo-02", "'model' is 'minimax-hailuo-02', which MiniMax does not offer; allowed: MiniMax-Hailuo-02, MiniMax-Hailuo-2.3, MiniMax-Hailuo-2.3-Fast, I2V-01, I2V-01-Director, I2V-01-live, S2V-01, T2V-01, T2V-01-Director.")]
    [InlineData("MiniMax", "video-01", "'model' is 'video-01', which MiniMax does not offer; allowed: MiniMax-Hailuo-02, MiniMax-Hailuo-2.3, MiniMax-Hailuo-2.3-Fast, I2V-01, I2V-01-Director, I2V-01-live, S2V-01, T2V-01, T2V-01-Director.")]
    public void An_unknown_model_is_rejected_with_the_models_the_provider_offers(string provider, string? model, string message)
    {
        var result = HailuoValidators.For(provider)!.Validate(new VideoGenerationRequest { Model = model, Prompt = "x" });

        var error = Assert.Single(result.Errors);
        Assert.Equal("model", error.PropertyName);
        Assert.Equal(ValidationCodes.Model, error.ErrorCode);
        Assert.Equal(message, error.ErrorMessage);
    }

    [Theory]
    [InlineData("APIMart", "MiniMax-Hailuo-02")]
    [InlineData("MiniMax", "MiniMax-Hailuo-02")]
    public void Missing_resolution_and_duration_take_the_providers_defaults(string provider, string model)
    {
        var result = HailuoValidators.For(provider)!.Validate(Requests.For(model, "text-to-video", resolution: null, duration: null));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void A_missing_resolution_is_checked_as_the_providers_default()
    {
        var result = new MiniMaxRequestValidator().Validate(Requests.For("MiniMax-Hailuo-02", "text-to-video", resolution: null, duration: 5));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("'duration' is 5 at 768p: MiniMax-Hailuo-02 text-to-video on MiniMax allows 6 or 10 s at 768p", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolution_case_does_not_matter_so_the_minimax_wire_spelling_validates()
    {
        var result = new MiniMaxRequestValidator().Validate(Requests.For("MiniMax-Hailuo-02", "text-to-video", "768P", 10));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void The_registry_knows_each_provider_of_the_spec_and_nothing_else()
    {
        Assert.IsType<ApiMartRequestValidator>(HailuoValidators.For("APIMart"));
        Assert.IsType<MiniMaxRequestValidator>(HailuoValidators.For("MiniMax"));
        Assert.Null(HailuoValidators.For("Replicate"));
    }

    [Fact]
    public void ValidateAndThrow_carries_every_failure()
    {
        var request = new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = new string('x', 2001) + " [Orbit]", Resolution = "1080p", Duration = 10 };

        var exception = Assert.Throws<ValidationException>(() => new ApiMartRequestValidator().ValidateAndThrow(request));

        Assert.Equal(new[] { ValidationCodes.ResolutionDuration, ValidationCodes.Prompt, ValidationCodes.Camera }, exception.Errors.Select(e => e.ErrorCode));
    }
}
