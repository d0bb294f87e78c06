#:project ../../../mockserver/Hailuo.MockServer/Hailuo.MockServer.csproj
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property EnforceCodeStyleInBuild=false
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true

// Cold start in process, split into phases (ms), for the first simulator of the process and then a second one (warm):
// HailuoSimulator.StartAsync to the first answered submit, and inside it WireMock.Net's own server start, seen through
// hooks on our side of its settings: its services registered (host build begins), the pipeline built (host start
// begins), Kestrel listening (ApplicationStarted), the constructor returned (it polls IsStarted every 100 ms).
// Usage: ColdStart [sim|split|scan] [simulators, default 2]: each process measures one way, so each sees a cold first
// start; "scan" first times, alone, the plugin search WireMock.Net makes on its first request (every *.dll of the
// folder loaded and its types listed, looking for an IMimeKitUtils), then splits as "split" does.
using System.Diagnostics;
using System.Net.Http.Headers;
using Hailuo.MockServer;
using Hailuo.MockServer.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WireMock.Server;

var split = args.Length > 0 && args[0] is "split" or "scan";
if (args.Length > 0 && args[0] == "scan")
{
    var mimeKit = Type.GetType("WireMock.Util.IMimeKitUtils, WireMock.Net.Shared", throwOnError: true)!;
    var search = Type.GetType("WireMock.Util.TypeLoader, WireMock.Net.Shared", throwOnError: true)!
        .GetMethod("TryLoadStaticInstance")!.MakeGenericMethod(mimeKit);
    var scan = Stopwatch.StartNew();
    var found = (bool)search.Invoke(null, [null, Array.Empty<object>()])!;
    Console.WriteLine($"plugin search for IMimeKitUtils: {scan.Elapsed.TotalMilliseconds:0} ms, found {found}, {Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Length} dlls in the folder");
}

var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2;
var sinceProcess = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
Console.WriteLine($"main entered {sinceProcess:0} ms after process start");
for (var i = 1; i <= count; i++)
{
    var label = i == 1 ? "first" : "warm " + i;
    await (split ? Split(label) : Whole(label));
}

// A whole HailuoSimulator.StartAsync, its first submit, then a reset and the submits after it.
static async Task Whole(string label)
{
    var clock = Stopwatch.StartNew();
    await using (var sim = await HailuoSimulator.StartAsync())
    {
        var started = clock.Elapsed.TotalMilliseconds;
        using var client = sim.CreateClient();
        var answered = await Submit(client, "v1/videos/generations");
        var answeredAt = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        await sim.ResetAsync();
        var reset = clock.Elapsed.TotalMilliseconds;
        await Submit(client, "v1/videos/generations");
        var afterReset = clock.Elapsed.TotalMilliseconds;
        await Submit(client, "v1/videos/generations");
        Console.WriteLine(
            $"{label}: HailuoSimulator {answered.Status}: start {started:0} ms, first submit answered at {answeredAt:0} ms; " +
            $"ResetAsync {reset:0} ms, first submit after it at {afterReset:0} ms, second at {clock.Elapsed.TotalMilliseconds:0} ms");
    }
}

// HailuoSimulator.StartAsync's steps by hand, with hooks on our side of WireMock.Net's settings.
static async Task Split(string label)
{
    var marks = new Marks();
    var clock = Stopwatch.StartNew();
    var settings = HailuoServerSettings.Create(new SimulatorOptions()).CountRequests(new RequestsInFlight());
    var services = settings.AdditionalServiceRegistration;
    settings.AdditionalServiceRegistration = s =>
    {
        marks.Services = clock.Elapsed.TotalMilliseconds;
        services?.Invoke(s);
        s.AddSingleton<IStartupFilter>(new Hooks(marks, clock));
    };
    var server = WireMockServer.Start(settings);
    var returned = clock.Elapsed.TotalMilliseconds;
    await using var api = server.AddHailuoApi(new SimulatorOptions(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(HailuoSimulator.ClockStart));
    var mapped = clock.Elapsed.TotalMilliseconds;
    var handler = new SocketsHttpHandler
    {
        ConnectCallback = async (context, token) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(context.DnsEndPoint, token);
            marks.Connected = clock.Elapsed.TotalMilliseconds;
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        },
    };
    using var http = new HttpClient(handler) { BaseAddress = new Uri(server.Url! + "/") };
    var stub = await Submit(http, "__admin/health");
    var admin = clock.Elapsed.TotalMilliseconds;
    var submit = await Submit(http, "v1/videos/generations");
    var first = clock.Elapsed.TotalMilliseconds;
    await Submit(http, "v1/videos/generations");
    var second = clock.Elapsed.TotalMilliseconds;
    Console.WriteLine(
        $"{label}: split: services registered {marks.Services:0}, pipeline built {marks.Pipeline:0}, listening {marks.Listening:0}, " +
        $"WireMockServer.Start returned {returned:0} (waited {returned - marks.Listening:0} after listening), Hailuo mappings added {mapped:0}, " +
        $"connected {marks.Connected:0}, first admin answer ({stub.Status}) {admin:0}, first submit ({submit.Status}) {first:0}, second submit {second:0} ms; served in pipeline: {string.Join(", ", marks.Served)}");
    server.Stop();
    server.Dispose();
}

static async Task<(int Status, string Body)> Submit(HttpClient http, string path)
{
    using var request = new HttpRequestMessage(path.StartsWith("__admin", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post, path);
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "perf-key");
    if (request.Method == HttpMethod.Post)
    {
        request.Content = new StringContent("{\"model\":\"MiniMax-Hailuo-02\",\"prompt\":\"A cat\"}");
    }

    using var answer = await http.SendAsync(request);
    return ((int)answer.StatusCode, await answer.Content.ReadAsStringAsync());
}

internal sealed class Marks
{
    public double Services { get; set; }

    public double Pipeline { get; set; }

    public double Listening { get; set; }

    public double Connected { get; set; }

    public List<string> Served { get; } = new();
}

internal sealed class Hooks(Marks marks, Stopwatch clock) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        marks.Pipeline = clock.Elapsed.TotalMilliseconds;
        app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => marks.Listening = clock.Elapsed.TotalMilliseconds);
        app.Use(async (context, nextMiddleware) =>
        {
            var entered = clock.Elapsed.TotalMilliseconds;
            await nextMiddleware(context);
            marks.Served.Add($"{context.Request.Path} {entered:0}-{clock.Elapsed.TotalMilliseconds:0}");
        });
        next(app);
    };
}
