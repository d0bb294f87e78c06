using Hailuo.Contracts.ContractTests.Infrastructure;
using Xunit;
using static Hailuo.Contracts.ContractTests.Infrastructure.CannedHandler;

namespace Hailuo.Contracts.ContractTests.Unit;

/// <summary>Answer shapes the documents describe but the simulator does not send.</summary>
public sealed class WireVariantTests
{
    [Fact]
    public async Task The_documented_APIMart_status_body_with_an_id_and_a_url_list_is_read()
    {
        using var world = new CannedWorld(WireDialect.ApiMart, (_, _) => Json(200,
            """{"code":200,"data":{"id":"task_01K8","status":"completed","progress":100,"result":{"images":[{"url":["https://cdn.test/v.mp4"],"expires_at":1763174708}]},"created":1763088289,"completed":1763088308,"estimated_time":60,"actual_time":19}}"""));

        var task = await world.Run(c => c.GetTaskAsync("task_01K8"));

        Assert.Equal((VideoTaskStatus.Completed, "completed", 100), (task.Status, task.StatusWord, task.Progress));
        Assert.Equal(new Uri("https://cdn.test/v.mp4"), task.VideoUrl);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763174708), task.VideoUrlExpiresAt);
    }

    [Fact]
    public async Task An_APIMart_success_word_with_a_single_url_string_completes_the_wait()
    {
        using var world = new CannedWorld(WireDialect.ApiMart, (_, call) => call < 2
            ? Json(200, """{"code":200,"data":{"task_id":"t1","status":"pending","progress":"0"}}""")
            : Json(200, """{"code":200,"data":{"task_id":"t1","status":"success","result":{"videos":[{"url":"https://cdn.test/a.mp4"}]}}}"""));

        var task = await world.Run(c => c.WaitForCompletionAsync("t1"));

        Assert.Equal((VideoTaskStatus.Completed, "success"), (task.Status, task.StatusWord));
        Assert.Equal(new Uri("https://cdn.test/a.mp4"), task.VideoUrl);
        Assert.Equal(2, world.Handler.Calls);
    }

    [Fact]
    public async Task A_cancelled_task_ends_the_wait_as_task_failed()
    {
        using var world = new CannedWorld(WireDialect.ApiMart, (_, _) => Json(200, """{"code":200,"data":{"id":"t1","status":"cancelled"}}"""));

        var error = await Assert.ThrowsAsync<HailuoTaskFailedException>(() => world.Run(c => c.WaitForCompletionAsync("t1")));

        Assert.Equal(VideoTaskStatus.Cancelled, error.Task?.Status);
        Assert.Contains("cancelled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_status_word_keeps_the_wait_going_until_a_known_end()
    {
        using var world = new CannedWorld(WireDialect.ApiMart, (_, call) => call < 3
            ? Json(200, """{"code":200,"data":{"id":"t1","status":"rendering"}}""")
            : Json(200, """{"code":200,"data":{"id":"t1","status":"completed","result":{"videos":[{"url":["https://cdn.test/a.mp4"]}]}}}"""));
        var seen = new List<VideoTaskStatus>();

        var task = await world.Run(c => c.WaitForCompletionAsync("t1", new InlineProgress<VideoTaskProgress>(p => seen.Add(p.Status))));

        Assert.Equal(new[] { VideoTaskStatus.Unknown, VideoTaskStatus.Unknown, VideoTaskStatus.Completed }, seen);
        Assert.Equal(VideoTaskStatus.Completed, task.Status);
    }

    [Fact]
    public async Task MiniMax_numeric_ids_are_read_and_the_download_url_comes_from_files_retrieve()
    {
        using var world = new CannedWorld(WireDialect.MiniMax, (request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/v1/query/video_generation" => Json(200, """{"task_id":106916112212032,"status":"Success","file_id":205258526306433,"video_width":1366,"video_height":768,"base_resp":{"status_code":0,"status_msg":"success"}}"""),
            "/v1/files/retrieve" => Json(200, """{"file":{"file_id":205258526306433,"bytes":11643,"download_url":"https://cdn.test/205258526306433.mp4"},"base_resp":{"status_code":0,"status_msg":"success"}}"""),
            _ => Json(404, "{}"),
        });

        var task = await world.Run(c => c.GetTaskAsync("106916112212032"));

        Assert.Equal(("106916112212032", "205258526306433", 1366, 768), (task.Id, task.FileId, task.VideoWidth, task.VideoHeight));
        Assert.Equal(new Uri("https://cdn.test/205258526306433.mp4"), task.VideoUrl);
        Assert.Equal("/v1/files/retrieve?file_id=205258526306433", world.Wire.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task A_Retry_After_given_as_an_HTTP_date_is_waited_out_on_the_client_clock()
    {
        CannedWorld? world = null;
        world = new CannedWorld(WireDialect.ApiMart, (_, call) => call == 1
            ? Json(429, """{"code":429,"error":{"message":"slow down","type":"rate_limit_error"}}""", r => r.Headers.RetryAfter = new(world!.Clock.GetUtcNow().AddSeconds(40)))
            : Json(200, """{"code":200,"data":{"id":"t1","status":"processing"}}"""));
        using (world)
        {
            var started = world.Clock.GetUtcNow();

            await world.Run(c => c.GetTaskAsync("t1"));

            Assert.Equal(TimeSpan.FromSeconds(40), world.Clock.GetUtcNow() - started);
            Assert.Equal(2, world.Handler.Calls);
        }
    }
}
