using Xunit;

namespace Hailuo.Contracts.ContractTests.Unit;

/// <summary>The client's named provider codes mean what the spec's MiniMax dialect says they mean.</summary>
public sealed class SpecAgreementTests
{
    [Theory]
    [InlineData(ProviderErrorCodes.RateLimited, "rate-limited")]
    [InlineData(ProviderErrorCodes.AuthenticationFailed, "authentication")]
    [InlineData(ProviderErrorCodes.InvalidApiKey, "authentication")]
    [InlineData(ProviderErrorCodes.InsufficientBalance, "insufficient-balance")]
    [InlineData(ProviderErrorCodes.SensitiveContent, "content-policy")]
    [InlineData(ProviderErrorCodes.InvalidParameters, "invalid-parameters")]
    public void A_named_code_has_the_meaning_the_spec_gives_it(int code, string meaning) =>
        Assert.Equal(meaning, HailuoSpec.MiniMaxDialect.ErrorCodes[code]);

    [Fact]
    public void The_default_polling_interval_is_the_specs() =>
        Assert.Equal(HailuoSpec.Tasks.PollInterval, new HailuoClientOptions().PollingInterval);
}
