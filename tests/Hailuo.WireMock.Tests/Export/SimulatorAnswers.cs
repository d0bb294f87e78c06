using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hailuo.Contracts;
using Hailuo.MockServer;

namespace Hailuo.WireMock.Tests.Export;

/// <summary>A simulator driven by hand, independently of the export, for comparing what each says.</summary>
internal static class SimulatorAnswers
{
    /// <summary>The status bodies of one plain task polled at submit, once queued, mid-processing and at completion.</summary>
    public static async Task<IReadOnlyList<JsonNode>> LifecycleAsync(WireDialect dialect)
    {
        // Download URLs name the export's default base URL, as the exported stubs do.
        var options = new SimulatorOptions { PublicBaseUrl = new MockServer.WireMock.WireMockExportOptions().BaseUrl };
        await using var sim = HailuoSimulator.StartInMemory(options);
        using var http = sim.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-compare");
        var apiMart = dialect == WireDialect.ApiMart;
        var body = new JsonObject { ["model"] = "MiniMax-Hailuo-02", ["prompt"] = "A cute cat running on the grass" }.ToJsonString();
        using var submitted = await http.PostAsync(apiMart ? "v1/videos/generations" : "v1/video_generation", new StringContent(body, Encoding.UTF8, "application/json"));
        var answer = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;
        var taskId = (apiMart ? answer["data"]![0]!["task_id"] : answer["task_id"])!.GetValue<string>();
        var status = apiMart ? "v1/tasks/" + taskId : "v1/query/video_generation?task_id=" + taskId;

        var bodies = new List<JsonNode>();
        var moments = new[] { TimeSpan.Zero, options.QueuedAfter, options.ProcessingAfter + ((options.CompletedAfter - options.ProcessingAfter) / 2), options.CompletedAfter };
        foreach (var at in moments)
        {
            sim.Clock.Advance(HailuoSimulator.ClockStart + at - sim.Clock.GetUtcNow());
            bodies.Add(JsonNode.Parse(await http.GetStringAsync(status))!);
        }

        return bodies;
    }
}
