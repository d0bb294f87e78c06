using Contoso.Video;
using Hailuo.Contracts;
using Hailuo.MockServer;
using Microsoft.Extensions.DependencyInjection;
using Refit;

// The shipped model, typed: only allowed pairs exist.
var shipped = Hailuo.Contracts.ApiMart.Hailuo02.TextToVideo(Prompt.Of("A red bicycle in the rain").Camera(CameraMove.TrackingShot)).At768p().Seconds10();

// Our own model from contoso.hailuo.spec.json, generated into our namespace.
var own = Contoso.Video.ContosoGateway.HailuoPro.TextToVideo(Prompt.Of("A lighthouse at dusk")).At768p().Seconds8();
var ownVerdict = new ContosoGatewayRequestValidator().Validate(own.ToRequest());
Console.WriteLine($"own model: {own} costs {own.EstimatedCost}; valid: {ownVerdict.IsValid}; base URL {ContosoHailuoSpec.ContosoGateway.BaseUrl}");

// Submit, wait, download against the simulator from the Hailuo.MockServer package.
await using var simulator = HailuoSimulator.StartInMemory();
using var http = simulator.CreateClient();
using var client = new HailuoClient(HailuoClientOptions.ApiMart("consumer-key").WithBaseAddress(simulator.BaseAddress), http);
var task = await client.SubmitAsync(shipped);
simulator.Clock.Advance(TimeSpan.FromMinutes(10));
var done = await client.WaitForCompletionAsync(task);
using var video = new MemoryStream();
var download = await client.DownloadAsync(done, video);
Console.WriteLine($"shipped model: {shipped} -> task {done.Id} {done.Status}, {download.Bytes} bytes, estimated {shipped.EstimatedCost}");

// Our own model through our own gateway: a simulator of the gateway, and a client built for our generated provider.
await using var gateway = HailuoSimulator.StartInMemory(new SimulatorOptions { Providers = { ContosoHailuoSpec.ContosoGateway } });
using var gatewayHttp = gateway.CreateClient();
using var ownClient = new HailuoClient(ContosoHailuoSpec.ContosoGateway, new HailuoClientOptions { ApiKey = "consumer-key" }.WithBaseAddress(gateway.BaseAddress), gatewayHttp);
var ownTask = await ownClient.SubmitAsync(own);
gateway.Clock.Advance(TimeSpan.FromMinutes(10));
var ownDone = await ownClient.WaitForCompletionAsync(ownTask.Id);
using var ownVideo = new MemoryStream();
var ownDownload = await ownClient.DownloadAsync(ownDone, ownVideo);
Console.WriteLine($"own gateway: {own} -> task {ownDone.Id} {ownDone.Status}, {ownDownload.Bytes} bytes, model {gateway.Admin.Tasks.Single().Model}");

// Our generated Refit interface, straight from DI, beside a Refit interface of our own.
var services = new ServiceCollection();
services.AddRefitGeneratedClient<IContosoGatewayVideoApi>(HailuoRefit.CreateSettings())
    .ConfigureHttpClient(c => c.BaseAddress = gateway.BaseAddress)
    .ConfigurePrimaryHttpMessageHandler(gateway.CreateHandler);
services.AddRefitGeneratedClient<IGatewayHealthApi>()
    .ConfigureHttpClient(c => c.BaseAddress = gateway.BaseAddress)
    .ConfigurePrimaryHttpMessageHandler(gateway.CreateHandler);
await using var container = services.BuildServiceProvider();
var api = container.GetRequiredService<IContosoGatewayVideoApi>();
using var status = await api.GetTaskAsync(ownDone.Id, "consumer-key");
Console.WriteLine($"refit interface: GET task {ownDone.Id} -> HTTP {(int?)status.StatusCode} {status.Content?.Data?.Status}; hand-written interface resolved: {container.GetService<IGatewayHealthApi>() is not null}");
return ownVerdict.IsValid && download.Bytes > 0 && ownDownload.Bytes > 0 && status.IsSuccessStatusCode ? 0 : 1;

/// <summary>A Refit interface the consumer writes itself: Refit's own generator implements it beside ours.</summary>
public interface IGatewayHealthApi
{
    /// <summary>The gateway's health page.</summary>
    [Get("/health")]
    Task<ApiResponse<string>> HealthAsync(CancellationToken cancellationToken = default);
}
