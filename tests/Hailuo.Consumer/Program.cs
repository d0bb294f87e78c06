using Contoso.Video;
using Hailuo.Contracts;
using Hailuo.MockServer;

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
return ownVerdict.IsValid && download.Bytes > 0 ? 0 : 1;
