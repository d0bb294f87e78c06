using System.Text.Json;
using Contoso.Video;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Hailuo.MockServer;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Contract;

/// <summary>The generated Refit interfaces called directly against the simulator, through each way Refit hands them out.</summary>
public sealed class RefitInterfaceTests
{
    public static TheoryData<string> Ways => new() { "For", "ForGenerated", "AddRefitGeneratedClient" };

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task The_APIMart_interface_submits_and_reads_a_task_with_the_spec_paths_the_key_and_the_JSON_body(string way)
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart);
        var wire = new WireRecorder(world.Clock, world.Simulator.CreateHandler());
        using var scope = Resolve<IApiMartVideoApi>(way, wire, world.Simulator.BaseAddress, out var api);
        var request = new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = "A red bicycle", Duration = 5, Resolution = "768p" };

        using var submitted = await api.SubmitAsync(request, SimWorld.Key);
        var taskId = Assert.Single(submitted.Content!.Data!).TaskId!;
        using var status = await api.GetTaskAsync(taskId, SimWorld.Key);

        Assert.True(submitted.IsSuccessStatusCode);
        Assert.Equal(taskId, status.Content!.Data!.Id ?? status.Content.Data.TaskId);
        var (post, get) = (wire.Requests[0], wire.Requests[1]);
        Assert.Equal(("POST", "/v1/videos/generations", true), (post.Method, post.PathAndQuery, post.HasAuthorization));
        Assert.Equal(("GET", "/v1/tasks/" + Uri.EscapeDataString(taskId), true), (get.Method, get.PathAndQuery, get.HasAuthorization));
        using var body = JsonDocument.Parse(post.Body);
        Assert.Equal("MiniMax-Hailuo-02", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("A red bicycle", body.RootElement.GetProperty("prompt").GetString());
        Assert.Equal(5, body.RootElement.GetProperty("duration").GetInt32());
        Assert.Single(world.Admin.Tasks);
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task The_MiniMax_interface_submits_queries_with_the_task_id_in_the_query_and_retrieves_the_file(string way)
    {
        await using var world = await SimWorld.StartAsync(WireDialect.MiniMax);
        var wire = new WireRecorder(world.Clock, world.Simulator.CreateHandler());
        using var scope = Resolve<IMiniMaxVideoApi>(way, wire, world.Simulator.BaseAddress, out var api);
        var request = new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = "A red bicycle", Duration = 6, Resolution = "768P" };

        using var submitted = await api.SubmitAsync(request, SimWorld.Key);
        var taskId = submitted.Content!.TaskId!;
        world.Simulator.Clock.Advance(TimeSpan.FromMinutes(10));
        using var status = await api.GetTaskAsync(taskId, SimWorld.Key);
        using var file = await api.RetrieveFileAsync(status.Content!.FileId!, SimWorld.Key);

        Assert.Equal("Success", status.Content.Status);
        Assert.NotNull(file.Content!.File!.DownloadUrl);
        var paths = wire.Requests.Select(r => r.Method + " " + r.PathAndQuery).ToList();
        Assert.Equal(
            new[] { "POST /v1/video_generation", "GET /v1/query/video_generation?task_id=" + Uri.EscapeDataString(taskId), "GET /v1/files/retrieve?file_id=" + status.Content.FileId },
            paths);
        Assert.All(wire.Requests, r => Assert.True(r.HasAuthorization));
    }

    [Fact]
    public async Task A_consumer_interface_is_served_by_AddRefitGeneratedClient_against_a_simulator_of_its_gateway()
    {
        await using var world = await SimWorld.StartAsync(WireDialect.ApiMart, simulator: s => s.Providers.Add(ContosoHailuoSpec.ContosoGateway));
        var wire = new WireRecorder(world.Clock, world.Simulator.CreateHandler());
        using var scope = Resolve<IContosoGatewayVideoApi>("AddRefitGeneratedClient", wire, world.Simulator.BaseAddress, out var api);

        using var submitted = await api.SubmitAsync(global::Contoso.Video.ContosoGateway.HailuoPro.TextToVideo(Prompt.Of("A lighthouse")).At1080p().Seconds5().ToRequest(), SimWorld.Key);

        Assert.True(submitted.IsSuccessStatusCode, (submitted.Error as ApiException)?.Content);
        Assert.Equal("Contoso-Hailuo-Pro", Assert.Single(world.Admin.Tasks).Model);
    }

    private static IDisposable Resolve<T>(string way, HttpMessageHandler handler, Uri baseAddress, out T api)
        where T : class
    {
        switch (way)
        {
            case "For":
                var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress };
                api = RestService.For<T>(http, HailuoRefit.CreateSettings());
                return http;
            case "ForGenerated":
                var generated = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress };
                api = RestService.ForGenerated<T>(generated, HailuoRefit.CreateSettings());
                return generated;
            default:
                var services = new ServiceCollection();
                services.AddRefitGeneratedClient<T>(HailuoRefit.CreateSettings())
                    .ConfigureHttpClient(c => c.BaseAddress = baseAddress)
                    .ConfigurePrimaryHttpMessageHandler(() => handler);
                var container = services.BuildServiceProvider();
                api = container.GetRequiredService<T>();
                return container;
        }
    }
}
