using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hailuo.MockServer.WireMock;
using Xunit;

namespace Hailuo.WireMock.Tests.Infrastructure;

/// <summary>Every test that talks to WireMock is in this collection: one WireMock per run, tests one at a time (scenario state is global).</summary>
[CollectionDefinition(Name)]
public sealed class WireMockRun : ICollectionFixture<WireMockFixture>
{
    public const string Name = "WireMock";
}

/// <summary>
/// One real WireMock for the test run, loaded with the export (written after WireMock named its port, so download
/// URLs point at it) through WireMock's own mappings folder, exactly as a user would run it.
/// </summary>
public sealed class WireMockFixture : IStubHost, IAsyncLifetime
{
    /// <summary>The only key the exported stubs accept (the contract tests' key).</summary>
    public const string Key = Contracts.ContractTests.Infrastructure.SimWorld.Key;

    private readonly string _root = Directory.CreateTempSubdirectory("hailuo-wiremock").FullName;
    private WireMockProcess? _process;

    public Uri BaseAddress => _process?.BaseAddress ?? throw new InvalidOperationException("WireMock has not started.");

    public WireMockExportResult Export { get; private set; } = null!;

    public string MappingsFolder => "mappings";

    /// <summary>A client for WireMock's admin API.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _process = await WireMockProcess.StartAsync(_root);
        Export = await WireMockExport.WriteAsync(_root, new WireMockExportOptions { BaseUrl = _process.BaseAddress, ApiKey = Key, Formats = WireMockFormats.WireMock });
        Admin = new HttpClient { BaseAddress = new Uri(BaseAddress, "__admin/") };

        // Reloads mappings/ from disk: the files just written are what WireMock serves.
        (await Admin.PostAsync("mappings/reset", null)).EnsureSuccessStatusCode();
    }

    public HttpMessageHandler CreateHandler() => new SocketsHttpHandler();

    /// <summary>Every scenario back to Started and an empty request journal: the state a test starts from.</summary>
    public async Task ResetAsync()
    {
        (await Admin.PostAsync("scenarios/reset", null)).EnsureSuccessStatusCode();
        (await Admin.DeleteAsync("requests")).EnsureSuccessStatusCode();
    }

    /// <summary>Sets a scenario's state, as <c>PUT /__admin/scenarios/{name}/state</c> does.</summary>
    public async Task SetStateAsync(string scenario, string state) =>
        (await Admin.PutAsJsonAsync($"scenarios/{Uri.EscapeDataString(scenario)}/state", new { state })).EnsureSuccessStatusCode();

    /// <summary>A scenario's current state.</summary>
    public async Task<string> StateAsync(string scenario)
    {
        var all = JsonNode.Parse(await Admin.GetStringAsync("scenarios"))!["scenarios"]!.AsArray();
        return all.Single(s => (string?)s!["name"] == scenario)!["state"]!.GetValue<string>();
    }

    /// <summary>How many stub mappings WireMock holds.</summary>
    public async Task<int> MappingCountAsync() => JsonNode.Parse(await Admin.GetStringAsync("mappings"))!["meta"]!["total"]!.GetValue<int>();

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }
}
