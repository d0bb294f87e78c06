#:project ../../../mockserver/Hailuo.MockServer/Hailuo.MockServer.csproj
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property EnforceCodeStyleInBuild=false
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true

// Cold start in process: from process start, and from the StartAsync call, to the first answered submit (ms).
using System.Diagnostics;
using System.Net.Http.Headers;
using Hailuo.MockServer;

var sinceCall = Stopwatch.StartNew();
await using var sim = await HailuoSimulator.StartAsync();
var started = sinceCall.ElapsedMilliseconds;
using var http = sim.CreateClient();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "perf-key");
using var answer = await http.PostAsync("v1/videos/generations", new StringContent("{\"model\":\"MiniMax-Hailuo-02\",\"prompt\":\"A cat\"}"));
var call = sinceCall.ElapsedMilliseconds;
var process = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
Console.WriteLine($"status {(int)answer.StatusCode}: {call} ms from StartAsync ({started} ms to start the server), {process:0} ms from process start");
if (!answer.IsSuccessStatusCode)
{
    Console.WriteLine(await answer.Content.ReadAsStringAsync());
}
