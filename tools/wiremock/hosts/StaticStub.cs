#:package WireMock.Net.Minimal@2.21.0
#:package Microsoft.IdentityModel.Protocols.OpenIdConnect@7.5.0
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property EnforceCodeStyleInBuild=false

// Benchmark baseline: a WireMock.Net static stub answering every task-status poll with fixed bytes, with the settings
// the simulator uses (loopback, admin API on, JSON bodies parsed, request log capped at 1,000). Usage: dotnet run StaticStub.cs -- PORT BODYFILE
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

var body = File.ReadAllBytes(args[1]);
using var server = WireMockServer.Start(new WireMockServerSettings
{
    Urls = new[] { "http://127.0.0.1:" + args[0] },
    StartAdminInterface = true,
    MaxRequestLogCount = 1000,
    Logger = new WireMockNullLogger(),
});
server.Given(Request.Create().WithPath(new RegexMatcher("^/v1/tasks/[^/]+$")).UsingGet())
    .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body));
Console.WriteLine("listening");
await Task.Delay(Timeout.Infinite);
