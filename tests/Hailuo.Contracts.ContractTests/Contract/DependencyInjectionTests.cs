using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>services.AddHailuoClient: options bound from configuration, HttpClient from the factory, TimeProvider from the container.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task A_client_registered_from_configuration_talks_to_the_configured_provider_through_the_factory_client()
    {
        await using var lease = await SimulatorPool.RentAsync(new SimulatorOptions { AcceptedKeys = { SimWorld.Key } });
        var simulator = lease.Simulator;
        var clock = simulator.CreateClockDriver();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hailuo:Provider"] = "MiniMax",
            ["Hailuo:ApiKey"] = SimWorld.Key,
            ["Hailuo:BaseAddress"] = simulator.BaseAddress.ToString(),
            ["Hailuo:PollingInterval"] = "00:00:07",
            ["Hailuo:Retry:MaxRetryAttempts"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddHailuoClient(configuration.GetSection(HailuoClientOptions.SectionName))
            .ConfigurePrimaryHttpMessageHandler(() => new WireRecorder(clock, simulator.CreateHandler()));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<HailuoClient>();
        var done = await clock.RunAsync(Submit(client));

        Assert.Same(client, provider.GetRequiredService<HailuoClient>());
        Assert.Equal("MiniMax", client.Provider.Name);
        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), clock.GetUtcNow() - done.SubmittedAt);
        Assert.Equal(WireDialect.MiniMax, Assert.Single(simulator.Admin.Tasks).Dialect);
    }

    [Fact]
    public async Task A_client_registered_in_code_uses_its_options()
    {
        await using var lease = await SimulatorPool.RentAsync(new SimulatorOptions { AcceptedKeys = { SimWorld.Key } });
        var simulator = lease.Simulator;
        var clock = simulator.CreateClockDriver();
        var services = new ServiceCollection();
        services.AddHailuoClient(o =>
            {
                o.ApiKey = SimWorld.Key;
                o.BaseAddress = simulator.BaseAddress;
                o.TimeProvider = clock;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new WireRecorder(clock, simulator.CreateHandler()));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<HailuoClient>();
        var done = await clock.RunAsync(Submit(client));

        Assert.Equal("APIMart", client.Provider.Name);
        Assert.Equal(TimeSpan.FromSeconds(15), clock.GetUtcNow() - done.SubmittedAt);
    }

    private static async Task<VideoTask> Submit(HailuoClient client) =>
        await client.WaitForCompletionAsync(await client.SubmitAsync(Samples.Quick(client.Provider.Dialect)));
}
