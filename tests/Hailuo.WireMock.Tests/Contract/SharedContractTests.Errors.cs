using Hailuo.Contracts;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Xunit;

namespace Hailuo.WireMock.Tests.Contract;

/// <summary>Each error a server answers with arrives as its typed exception, with code, status and an actionable message.</summary>
public abstract partial class SharedContractTests
{
    [Theory]
    [InlineData(WireDialect.ApiMart, "authentication_error")]
    [InlineData(WireDialect.MiniMax, "1004")]
    public async Task A_key_the_service_does_not_accept_is_an_authentication_error_that_never_shows_the_key(WireDialect dialect, string code)
    {
        const string revoked = "sk-revoked-9876543210";
        await using var world = await Server.StartAsync(dialect, ContractScenario.Lifecycle, c => c.ApiKey = revoked);

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.SubmitAsync(ContractScenarios.Request(dialect, ContractScenario.Lifecycle))));


        Assert.Equal(ErrorMeanings.Authentication, error.ErrorCode);
        Assert.Equal(Documented.ErrorStatus(dialect, 401), error.HttpStatus);
        Assert.Equal(code, error.ProviderCode);
        Assert.Contains(dialect == WireDialect.ApiMart ? "APIMART_API_KEY" : "MINIMAX_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(revoked, error.ToString(), StringComparison.Ordinal);
        Assert.Single(world.Wire.Requests);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart, "content_policy_violation")]
    [InlineData(WireDialect.MiniMax, "1026")]
    public async Task A_task_flagged_as_sensitive_ends_the_wait_with_a_content_policy_error(WireDialect dialect, string code)
    {
        await using var world = await Server.StartAsync(dialect, ContractScenario.ContentPolicy);
        var submitted = await world.Run(c => c.SubmitAsync(ContractScenarios.Request(dialect, ContractScenario.ContentPolicy)));

        var error = await Assert.ThrowsAsync<HailuoTaskFailedException>(() => world.Run(c => c.WaitForCompletionAsync(submitted)));


        Assert.Equal(ErrorMeanings.ContentPolicy, error.ErrorCode);
        Assert.Equal(code, error.ProviderCode);
        Assert.Equal(submitted.Id, error.TaskId);
        Assert.Equal(VideoTaskStatus.Failed, error.Task?.Status);
        Assert.Contains("sensitive", error.ErrorMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_failed_task_ends_the_wait_with_task_failed_carrying_the_providers_message(WireDialect dialect)
    {
        await using var world = await Server.StartAsync(dialect, ContractScenario.Failed);

        var error = await Assert.ThrowsAsync<HailuoTaskFailedException>(() => world.SubmitAndWait(ContractScenarios.Request(dialect, ContractScenario.Failed)));

        Assert.NotEqual(ErrorMeanings.ContentPolicy, error.ErrorCode);
        Assert.Equal(VideoTaskStatus.Failed, error.Task?.Status);

        // MiniMax's query carries no reason for a plain failure: status Fail with base_resp 0 (docs/SIMULATOR.md).
        if (dialect == WireDialect.ApiMart)
        {
            Assert.Contains("generation failed", error.ErrorMessage, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(error.ErrorMessage!, error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(error.ErrorMessage);
            Assert.Contains("failed", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task An_unknown_task_id_is_a_not_found_error_that_names_the_task(WireDialect dialect)
    {
        await using var world = await Server.StartAsync(dialect, ContractScenario.Lifecycle);

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.GetTaskAsync("task_does_not_exist")));

        Assert.Equal(Documented.ErrorStatus(dialect, 404), error.HttpStatus);
        Assert.Equal("task_does_not_exist", error.TaskId);
        Assert.False(error.IsTransient);
        Assert.Contains("task_does_not_exist", error.Message, StringComparison.Ordinal);
    }
}
