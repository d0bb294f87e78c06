using Hailuo.MockServer.WireMock;

namespace Hailuo.WireMock.Tests.Infrastructure;

/// <summary>A server playing the export: real WireMock with WireMock's format, or WireMock.Net with its own.</summary>
public interface IStubHost
{
    Uri BaseAddress { get; }

    WireMockExportResult Export { get; }

    /// <summary>The folder, relative to the export's root, whose mapping files this server reads.</summary>
    string MappingsFolder { get; }

    /// <summary>A handler that reaches the server; each client gets its own and may dispose it.</summary>
    HttpMessageHandler CreateHandler();

    /// <summary>Every scenario back to its start: the state a test starts from.</summary>
    Task ResetAsync();

    /// <summary>Sets a scenario's state from outside, as time passing would.</summary>
    Task SetStateAsync(string scenario, string state);

    /// <summary>A scenario's current state in WireMock's words.</summary>
    Task<string> StateAsync(string scenario);

    /// <summary>How many stub mappings the server holds.</summary>
    Task<int> MappingCountAsync();
}
