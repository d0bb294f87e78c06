using Xunit;

namespace Hailuo.Contracts.ContractTests.Unit;

/// <summary>The client reads provider facts from the spec: nothing here restates a code.</summary>
public sealed class SpecAgreementTests
{
    [Fact]
    public void Codes_the_spec_does_not_list_are_neither_retried_nor_mapped()
    {
        // 1013 was sent and retried without a source; the spec does not list it, so it is a plain error.
        Assert.DoesNotContain(1013, HailuoSpec.MiniMaxDialect.ErrorCodes.Keys);
        Assert.Null(ErrorMeanings.Of("1013"));
    }

    [Fact]
    public void MiniMax_unknown_and_internal_errors_are_server_errors_from_the_error_code_page() =>
        Assert.Equal(
            new[] { (1000, ErrorMeanings.ServerError), (1024, ErrorMeanings.ServerError) },
            HailuoSpec.MiniMaxDialect.ErrorCodes.Where(c => c.Value == ErrorMeanings.ServerError).Select(c => (c.Key, c.Value)).Order());

    [Fact]
    public void The_default_polling_interval_is_the_specs() =>
        Assert.Equal(HailuoSpec.Tasks.PollInterval, new HailuoClientOptions().PollingInterval);
}
