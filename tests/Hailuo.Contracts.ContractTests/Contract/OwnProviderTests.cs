using Contoso.Video;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>A consumer's own spec and gateway: its generated provider is built, submitted to, waited on and downloaded from.</summary>
public sealed class OwnProviderTests
{
    [Fact]
    public async Task A_consumer_provider_submits_waits_and_downloads_its_own_model_through_its_own_interface()
    {
        await using var world = await SimWorld.StartAsync(
            WireDialect.ApiMart,
            simulator: s => s.Providers.Add(ContosoHailuoSpec.ContosoGateway),
            client: o => o.ProviderInfo = ContosoHailuoSpec.ContosoGateway);
        var request = global::Contoso.Video.ContosoGateway.HailuoPro.TextToVideo(Prompt.Of("A lighthouse at dusk")).At768p().Seconds8();

        var done = await world.SubmitAndWait(request);
        using var video = new MemoryStream();
        var download = await world.Run(c => c.DownloadAsync(done, video));

        Assert.Equal(typeof(IContosoGatewayVideoApi), world.Client.Provider.Api!.InterfaceType);
        var task = Assert.Single(world.Admin.Tasks);
        Assert.Equal(("Contoso-Hailuo-Pro", 8, done.Id), (task.Model, task.Duration, task.Id));
        Assert.Equal(video.Length, download.Bytes);
        Assert.Equal("ContosoGateway", done.Provider);
    }

    [Fact]
    public async Task A_consumer_provider_is_refused_by_a_simulator_that_serves_only_the_shipped_spec()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, client: o => o.ProviderInfo = ContosoHailuoSpec.ContosoGateway);
        var request = global::Contoso.Video.ContosoGateway.HailuoPro.TextToVideo(Prompt.Of("A lighthouse at dusk")).At768p().Seconds8();

        var error = await Assert.ThrowsAsync<HailuoValidationException>(() => world.Run(c => c.SubmitAsync(request)));

        Assert.Equal(400, error.HttpStatus);
        Assert.Empty(world.Admin.Tasks);
    }

    [Fact]
    public void A_client_for_a_consumer_provider_is_built_directly_and_through_DI()
    {
        using var direct = new HailuoClient(ContosoHailuoSpec.ContosoGateway, new HailuoClientOptions { ApiKey = "k" });
        var services = new ServiceCollection();
        services.AddHailuoClient(o =>
        {
            o.ProviderInfo = ContosoHailuoSpec.ContosoGateway;
            o.ApiKey = "k";
        });
        using var container = services.BuildServiceProvider();
        var injected = container.GetRequiredService<HailuoClient>();

        Assert.Same(ContosoHailuoSpec.ContosoGateway, direct.Provider);
        Assert.Same(ContosoHailuoSpec.ContosoGateway, injected.Provider);
        Assert.Equal(ContosoHailuoSpec.ContosoGateway.BaseUrl, injected.BaseAddress);
    }
}
