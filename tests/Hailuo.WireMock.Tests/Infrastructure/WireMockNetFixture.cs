using Hailuo.MockServer;
using Hailuo.MockServer.Server;
using Hailuo.MockServer.WireMock;
using WireMock.Handlers;
using WireMock.Server;
using Xunit;

namespace Hailuo.WireMock.Tests.Infrastructure;

/// <summary>Tests that play the WireMock.Net export share one server, one test at a time (scenario state is global).</summary>
[CollectionDefinition(Name)]
public sealed class WireMockNetRun : ICollectionFixture<WireMockNetFixture>
{
    public const string Name = "WireMock.Net";
}

/// <summary>
/// A real WireMock.Net server on 127.0.0.1 playing the export in WireMock.Net's own format, read as static mappings
/// from the export's __admin/mappings folder, exactly as a user would load it.
/// </summary>
public sealed class WireMockNetFixture : IStubHost, IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("hailuo-wiremock-net").FullName;
    private WireMockServer _server = null!;

    public Uri BaseAddress => new(_server.Url!.TrimEnd('/') + "/");

    public WireMockExportResult Export { get; private set; } = null!;

    public string MappingsFolder => Path.Combine("__admin", "mappings");

    public async Task InitializeAsync()
    {
        // Started before the export is written, so the download URLs name its port; the mappings are read afterwards.
        var settings = HailuoServerSettings.Create(new SimulatorOptions());
        settings.FileSystemHandler = new LocalFileSystemHandler(_root);
        _server = WireMockServer.Start(settings);
        Export = await WireMockExport.WriteAsync(_root, new WireMockExportOptions { BaseUrl = BaseAddress, ApiKey = WireMockFixture.Key, Formats = WireMockFormats.WireMockNet });
        _server.ReadStaticMappings(Path.Combine(_root, MappingsFolder));
    }

    public HttpMessageHandler CreateHandler() => new SocketsHttpHandler();

    public Task ResetAsync()
    {
        _server.ResetScenarios();
        _server.ResetLogEntries();
        return Task.CompletedTask;
    }

    public Task SetStateAsync(string scenario, string state)
    {
        Assert.True(_server.SetScenarioState(scenario, state), $"WireMock.Net has no scenario '{scenario}'.");
        return Task.CompletedTask;
    }

    /// <summary>The scenario's state in WireMock's words: WireMock.Net's "no state yet" is WireMock's Started.</summary>
    public Task<string> StateAsync(string scenario) =>
        Task.FromResult(_server.Scenarios.FirstOrDefault(s => s.Name == scenario)?.NextState ?? WireMockScenarioStates.Started);

    /// <summary>The stub mappings, not WireMock.Net's own admin mappings.</summary>
    public Task<int> MappingCountAsync() => Task.FromResult(_server.Mappings.Count(m => !m.IsAdminInterface));

    public Task DisposeAsync()
    {
        _server.Stop();
        _server.Dispose();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
