using Hailuo.Contracts.ContractTests.Infrastructure;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>Each error the simulator produces arrives as its typed exception, with code, status and an actionable message.</summary>
public sealed class ErrorMappingTests
{
    // The tests of this kind that need no clock on the server run against the simulator and WireMock: tests/Hailuo.WireMock.Tests/Contract.
    [Theory]
    [InlineData(WireDialect.ApiMart, 402, "insufficient_balance")]
    [InlineData(WireDialect.MiniMax, 200, "1008")]
    public async Task An_empty_balance_is_an_insufficient_balance_error_and_nothing_is_created(WireDialect dialect, int status, string code)
    {
        await using var world = await SimWorld.StartAsync(dialect, sim => sim.StartingBalance = 0m);

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.SubmitAsync(Samples.Quick(dialect))));


        Assert.Equal(ErrorMeanings.InsufficientBalance, error.ErrorCode);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal(code, error.ProviderCode);
        Assert.Empty(world.Admin.Tasks);
        Assert.Equal(0, world.Client.Usage.Tasks);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_rate_limit_longer_than_MaxRetryAfter_is_a_rate_limited_error_carrying_Retry_After(WireDialect dialect)
    {
        await using var world = await SimWorld.StartAsync(dialect, sim => sim.RequestsPerMinute = 1, client => client.Retry.MaxRetryAfter = TimeSpan.FromSeconds(10));
        await world.Run(c => c.SubmitAsync(Samples.Quick(dialect)));

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.SubmitAsync(Samples.Quick(dialect))));


        Assert.Equal(ErrorMeanings.RateLimited, error.ErrorCode);
        Assert.Equal(TimeSpan.FromMinutes(1), error.RetryAfter);
        Assert.Equal(Documented.ErrorStatus(dialect, 429), error.HttpStatus);
        Assert.True(error.IsTransient);
        Assert.Equal(2, world.Wire.Requests.Count);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task An_image_the_service_rejects_is_a_validation_error_naming_the_field(WireDialect dialect)
    {
        await using var world = await SimWorld.StartAsync(dialect);

        // The form is valid (a PNG data URL), so only the service, which reads the pixels, can reject it.
        var tiny = ImageReference.FromBytes(TinyPng, "image/png");
        var request = dialect == WireDialect.ApiMart
            ? Hailuo.Contracts.ApiMart.Hailuo02.ImageToVideo(Prompt.Of("A tiny dot"), tiny).At768p().Seconds5()
            : Hailuo.Contracts.MiniMax.Hailuo02.ImageToVideo(Prompt.Of("A tiny dot"), tiny).At768p().Seconds6();

        var error = await Assert.ThrowsAsync<HailuoValidationException>(() => world.Run(c => c.SubmitAsync(request)));

        Assert.True(error.SentToService);
        Assert.Equal(Documented.ErrorStatus(dialect, 400), error.HttpStatus);
        var failure = Assert.Single(error.Failures);
        Assert.Equal("first_frame_image", failure.PropertyName);
        Assert.Equal(ValidationCodes.Image, failure.ErrorCode);
        Assert.Empty(world.Admin.Tasks);
    }

    [Fact]
    public async Task An_invalid_untyped_request_is_rejected_before_any_byte_is_sent_naming_the_allowed_durations()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.MiniMax);
        var request = new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Resolution = "1080p", Duration = 10, Prompt = "A cat" };

        var error = await Assert.ThrowsAsync<HailuoValidationException>(() => world.Run(c => c.SubmitAsync(request)));

        Assert.False(error.SentToService);
        var failure = Assert.Single(error.Failures);
        Assert.Equal(ValidationCodes.ResolutionDuration, failure.ErrorCode);
        Assert.Contains("allows 6 s at 1080p", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Wire.Requests);
    }

    [Fact]
    public async Task A_typed_request_built_for_another_provider_is_refused_before_sending()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.MiniMax);

        await Assert.ThrowsAsync<ArgumentException>(() => world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.ApiMart))));

        Assert.Empty(world.Wire.Requests);
    }

    /// <summary>A valid 16x16 PNG: its short edge is far below the 300 px the spec requires.</summary>
    private static byte[] TinyPng => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAE0lEQVR4nGP8z8DwnwEJMKELAAAkWgIBWyVQSgAAAABJRU5ErkJggg==");
}
