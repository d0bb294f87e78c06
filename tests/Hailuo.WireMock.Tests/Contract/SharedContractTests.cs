using Hailuo.Contracts;
using Hailuo.WireMock.Tests.Infrastructure;
using Xunit;

namespace Hailuo.WireMock.Tests.Contract;

/// <summary>
/// The client's contract tests that need no clock on the server's side, run against the simulator and against real
/// WireMock serving the export, and against real WireMock.Net serving its format: the same test bodies, so
/// every server is held to the same contract.
/// </summary>
public abstract partial class SharedContractTests
{
    internal abstract IContractServer Server { get; }

    private static string StatusPath(WireDialect dialect) => dialect == WireDialect.ApiMart ? "/v1/tasks/" : "/v1/query/";

    private static string SubmitPath(WireDialect dialect) => dialect == WireDialect.ApiMart ? "/v1/videos/" : "/v1/video_generation";
}

/// <summary>The shared contract tests against the in-memory simulator.</summary>
public sealed class SimulatorContractTests : SharedContractTests
{
    internal override IContractServer Server { get; } = new SimulatorServer();
}

/// <summary>The shared contract tests against real WireMock serving the exported mappings.</summary>
[Collection(WireMockRun.Name)]
public sealed class WireMockContractTests(WireMockFixture wireMock) : SharedContractTests
{
    internal override IContractServer Server { get; } = new StubHostServer(wireMock);
}

/// <summary>The shared contract tests against a real WireMock.Net server playing the export in its own format.</summary>
[Collection(WireMockNetRun.Name)]
public sealed class WireMockNetContractTests(WireMockNetFixture wireMockNet) : SharedContractTests
{
    internal override IContractServer Server { get; } = new StubHostServer(wireMockNet);
}
