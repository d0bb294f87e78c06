using System.Net.Sockets;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>A paid task is never submitted twice: the POST is retried only where the server surely created nothing.</summary>
public sealed class SubmitSafetyTests
{
    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_reset_after_the_submit_was_accepted_raises_outcome_unknown_and_creates_no_second_task(WireDialect dialect)
    {
        await using var world = await SimWorld.StartAsync(dialect);
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, 1));
        var request = Samples.Quick(dialect);

        var error = await Assert.ThrowsAsync<HailuoSubmitOutcomeUnknownException>(() => world.Run(c => c.SubmitAsync(request)));

        Assert.Single(world.Admin.Tasks);
        Assert.Single(world.Wire.To("/v1/video"));
        Assert.Equal(request.Model, error.Request?.Model);
        Assert.Equal(request.Draft.Prompt?.ToString(), error.Request?.Prompt);
        Assert.Equal(world.Wire.Requests[0].At, error.SentAt);
        Assert.Equal(0, world.Client.Usage.Tasks);
    }

    [Theory]
    [InlineData(FaultKind.ConnectionReset, null)]
    [InlineData(FaultKind.Status500, 500)]
    [InlineData(FaultKind.Status502, 502)]
    public async Task A_submit_answered_by_a_reset_500_or_502_is_not_retried_because_the_task_may_exist(FaultKind fault, int? status)
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart);
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, fault, 1));

        var error = await Assert.ThrowsAsync<HailuoSubmitOutcomeUnknownException>(() => world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.ApiMart))));

        Assert.Single(world.Wire.Requests);
        Assert.Empty(world.Admin.PendingFaults);
        Assert.Equal(status, error.HttpStatus);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_submit_refused_with_503_is_retried_after_Retry_After_and_creates_exactly_one_task(WireDialect dialect)
    {
        await using var world = await SimWorld.StartAsync(dialect);
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Status503, 2));

        var task = await world.Run(c => c.SubmitAsync(Samples.Quick(dialect)));

        Assert.Equal(task.Id, Assert.Single(world.Admin.Tasks).Id);
        var submits = world.Wire.Requests;
        Assert.Equal(new[] { 503, 503, 200 }, submits.Select(s => s.Status));
        Assert.Equal(TimeSpan.FromSeconds(2), submits[2].At - submits[0].At);
    }

    [Theory]
    [InlineData(WireDialect.ApiMart)]
    [InlineData(WireDialect.MiniMax)]
    public async Task A_submit_refused_with_503_past_its_retries_is_a_transient_failure_not_an_unknown_outcome(WireDialect dialect)
    {
        await using var world = await SimWorld.StartAsync(dialect, client: c => c.Retry.MaxRetryAttempts = 3);
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Status503, 4));

        var error = await Assert.ThrowsAnyAsync<HailuoException>(() => world.Run(c => c.SubmitAsync(Samples.Quick(dialect))));

        Assert.IsNotType<HailuoSubmitOutcomeUnknownException>(error);
        Assert.True(error.IsTransient);
        Assert.Equal(503, error.HttpStatus);
        Assert.Equal(new[] { 503, 503, 503, 503 }, world.Wire.Requests.Select(r => r.Status));
        Assert.Empty(world.Admin.Tasks);
    }

    [Theory]
    [InlineData(FaultKind.SubmitThenGateway504, true)]
    [InlineData(FaultKind.SubmitThenFail, false)]
    public async Task An_unknown_outcome_carries_the_request_id_of_the_attempt_that_may_have_created_the_task_not_of_a_refused_one(FaultKind fault, bool answered)
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart);
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Status503, 2));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, fault, 1));

        var error = await Assert.ThrowsAsync<HailuoSubmitOutcomeUnknownException>(() => world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.ApiMart))));

        var attempts = world.Admin.Journal.Where(j => j.Endpoint == SimulatorEndpoint.Submit).ToList();
        Assert.Equal(answered ? attempts[2].RequestId : null, error.RequestId);
        Assert.Equal(answered ? attempts[2].RequestId : attempts[1].RequestId, error.LastRequestId);
        Assert.Equal(attempts[2].TaskId, Assert.Single(world.Admin.Tasks).Id);
    }

    [Fact]
    public async Task A_submit_refused_with_429_is_retried_after_Retry_After()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.MiniMax, sim => sim.RequestsPerMinute = 1);
        await world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.MiniMax)));

        var second = await world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.MiniMax, "A dog on the beach")));

        Assert.Equal(2, world.Admin.Tasks.Count);
        Assert.Equal(second.Id, world.Admin.Tasks[1].Id);
        var submits = world.Wire.Requests;
        Assert.Equal(new[] { 200, Documented.ErrorStatus(WireDialect.MiniMax, 429), 200 }, submits.Select(s => s.Status));
        Assert.Equal(TimeSpan.FromMinutes(1), submits[2].At - submits[0].At);
    }

    [Fact]
    public async Task A_stalled_submit_is_abandoned_after_the_attempt_timeout_as_outcome_unknown_not_retried()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.MiniMax, client: c => c.AttemptTimeout = TimeSpan.FromSeconds(30));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.Stall, 1));
        var submit = world.Client.SubmitAsync(Samples.Quick(WireDialect.MiniMax));

        await world.Clock.RunAsync(world.Admin.WhenStalledAsync(SimulatorEndpoint.Submit));
        world.Clock.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<HailuoSubmitOutcomeUnknownException>(() => world.Clock.RunAsync(submit));
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(error.InnerException);
        Assert.Single(world.Wire.Requests);
    }

    [Fact]
    public async Task A_submit_whose_connection_was_refused_is_retried_because_no_byte_reached_the_server()
    {
        var refusals = 2;
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, wrap: inner => new RefusingHandler(inner, () => Interlocked.Decrement(ref refusals) >= 0));

        var task = await world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.ApiMart)));

        Assert.Equal(task.Id, Assert.Single(world.Admin.Tasks).Id);
        Assert.Equal(new[] { 0, 0, 200 }, world.Wire.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_submit_that_can_never_connect_fails_as_a_transient_error_not_as_outcome_unknown()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, client: c => c.Retry.MaxRetryAttempts = 2, wrap: inner => new RefusingHandler(inner, () => true));

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.SubmitAsync(Samples.Quick(WireDialect.ApiMart))));

        Assert.True(error.IsTransient);
        Assert.Equal(3, world.Wire.Requests.Count);
        Assert.Empty(world.Admin.Tasks);
    }

    /// <summary>Fails the connect step, as a closed port does, while the predicate says so.</summary>
    private sealed class RefusingHandler(HttpMessageHandler inner, Func<bool> refuse) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => refuse()
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (api.test:443)", new SocketException((int)SocketError.ConnectionRefused))
            : base.SendAsync(request, cancellationToken);
    }
}
