using Hailuo.MockServer.WireMock;
using Xunit;

namespace Hailuo.WireMock.Tests.Infrastructure;

/// <summary>Tests that play the WireMock.Net export share one model, one test at a time (scenario state is global).</summary>
[CollectionDefinition(Name)]
public sealed class WireMockNetModelRun : ICollectionFixture<WireMockNetModelFixture>
{
    public const string Name = "WireMock.Net model";
}

/// <summary>The export in WireMock.Net's own format only, served in memory by <see cref="WireMockNetModel"/>.</summary>
public sealed class WireMockNetModelFixture : IStubHost, IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("hailuo-wiremock-net").FullName;
    private WireMockNetModel _model = null!;

    /// <summary>No socket is opened: the host name only has to be the one the download URLs name.</summary>
    public Uri BaseAddress { get; } = new("http://wiremock-net.model/");

    public WireMockExportResult Export { get; private set; } = null!;

    public string MappingsFolder => Path.Combine("__admin", "mappings");

    public async Task InitializeAsync()
    {
        Export = await WireMockExport.WriteAsync(_root, new WireMockExportOptions { BaseUrl = BaseAddress, ApiKey = WireMockFixture.Key, Formats = WireMockFormats.WireMockNet });
        _model = new WireMockNetModel(_root);
    }

    public HttpMessageHandler CreateHandler() => _model.CreateHandler();

    public Task ResetAsync()
    {
        _model.Reset();
        return Task.CompletedTask;
    }

    public Task SetStateAsync(string scenario, string state)
    {
        _model.SetState(scenario, state);
        return Task.CompletedTask;
    }

    public Task<string> StateAsync(string scenario) => Task.FromResult(_model.StateOf(scenario));

    public Task<int> MappingCountAsync() => Task.FromResult(_model.MappingCount);

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
