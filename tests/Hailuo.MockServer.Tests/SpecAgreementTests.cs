using Hailuo.Contracts;
using Hailuo.MockServer.Wire;
using Xunit;

namespace Hailuo.MockServer.Tests;

/// <summary>The codes the simulator sends mean what the spec's MiniMax dialect says they mean.</summary>
public sealed class SpecAgreementTests
{
    [Theory]
    [InlineData(MiniMaxCodes.RateLimit, "rate-limited")]
    [InlineData(MiniMaxCodes.Unauthorized, "authentication")]
    [InlineData(MiniMaxCodes.InsufficientBalance, "insufficient-balance")]
    [InlineData(MiniMaxCodes.SensitiveContent, "content-policy")]
    [InlineData(MiniMaxCodes.InvalidParams, "invalid-parameters")]
    public void A_minimax_code_the_simulator_sends_has_the_meaning_the_spec_gives_it(int code, string meaning) =>
        Assert.Equal(meaning, HailuoSpec.MiniMaxDialect.ErrorCodes[code]);

    [Fact]
    public void The_default_url_lifetime_and_callback_window_are_the_specs()
    {
        var options = new SimulatorOptions();

        Assert.Equal((HailuoSpec.Tasks.DownloadUrlLifetime, HailuoSpec.Tasks.CallbackChallenge), (options.UrlLifetime, options.CallbackTimeout));
    }
}
