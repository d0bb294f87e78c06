using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>The API key: read from options or the environment, and never written to logs, exceptions or ToString.</summary>
/// <remarks>Tests here change process environment variables; xUnit runs one class's tests one at a time.</remarks>
public sealed class SecretTests
{
    [Fact]
    public async Task The_key_is_read_from_the_providers_environment_variable_when_the_options_have_none()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.MiniMax);
        var previous = Environment.GetEnvironmentVariable("MINIMAX_API_KEY");
        Environment.SetEnvironmentVariable("MINIMAX_API_KEY", SimWorld.Key);
        try
        {
            using var client = world.NewClient(WireDialect.MiniMax, o => o.ApiKey = null);

            var task = await world.Clock.RunAsync(client.SubmitAsync(Samples.Quick(WireDialect.MiniMax)));

            Assert.Equal(task.Id, Assert.Single(world.Admin.Tasks).Id);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MINIMAX_API_KEY", previous);
        }
    }

    [Fact]
    public void A_missing_key_fails_at_construction_naming_the_variable_to_set()
    {
        var previous = Environment.GetEnvironmentVariable("APIMART_API_KEY");
        Environment.SetEnvironmentVariable("APIMART_API_KEY", null);
        try
        {
            var error = Assert.Throws<ArgumentException>(() => new HailuoClient(HailuoClientOptions.ApiMart()));

            Assert.Contains("APIMART_API_KEY", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("APIMART_API_KEY", previous);
        }
    }

    [Fact]
    public async Task The_key_never_appears_in_logs_exceptions_or_ToString_even_when_things_fail()
    {
        var logger = new ListLogger<HailuoClient>();
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, sim => (sim.RequestsPerMinute, sim.CompletedAfter) = (2, TimeSpan.FromSeconds(50)));
        using var client = new HailuoClient(world.Options, new HttpClient(world.Wire), logger);
        var texts = new List<string> { world.Options.ToString(), client.ToString() };

        var done = await world.Clock.RunAsync(WaitAsync(client));
        world.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Submit, FaultKind.SubmitThenFail, 1));
        texts.Add((await Assert.ThrowsAsync<HailuoSubmitOutcomeUnknownException>(() => world.Clock.RunAsync(client.SubmitAsync(Samples.Quick(WireDialect.ApiMart))))).ToString());
        using var wrongKey = world.NewClient(WireDialect.ApiMart, o => o.ApiKey = SimWorld.Key + "-revoked");
        texts.Add((await Assert.ThrowsAsync<HailuoException>(() => world.Clock.RunAsync(wrongKey.GetTaskAsync(done.Id)))).ToString());
        texts.Add(done.ToString());
        texts.AddRange(logger.Lines);

        Assert.Contains(logger.Lines, l => l.Contains("Retrying status", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.Contains("unknown outcome", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("sk-test", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("sig=", t, StringComparison.Ordinal));
    }

    private static async Task<VideoTask> WaitAsync(HailuoClient client)
    {
        var submitted = await client.SubmitAsync(Samples.Quick(WireDialect.ApiMart));
        return await client.WaitForCompletionAsync(submitted);
    }
}
