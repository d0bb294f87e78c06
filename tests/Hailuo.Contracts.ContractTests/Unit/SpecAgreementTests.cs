using Xunit;

namespace Hailuo.Contracts.ContractTests.Unit;

/// <summary>The client reads provider facts from the spec: nothing here restates a code.</summary>
public sealed class SpecAgreementTests
{
    [Fact]
    public void Codes_the_spec_does_not_list_are_neither_retried_nor_mapped()
    {
        // 1000 and 1013 were sent and retried without a source; the spec does not list them, so they are plain errors.
        Assert.DoesNotContain(1000, HailuoSpec.MiniMaxDialect.ErrorCodes.Keys);
        Assert.DoesNotContain(1013, HailuoSpec.MiniMaxDialect.ErrorCodes.Keys);
    }

    [Fact]
    public void The_default_polling_interval_is_the_specs() =>
        Assert.Equal(HailuoSpec.Tasks.PollInterval, new HailuoClientOptions().PollingInterval);
}
