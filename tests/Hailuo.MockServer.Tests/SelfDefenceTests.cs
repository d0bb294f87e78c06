using System.Net;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;
using Hailuo.Testing;

namespace Hailuo.MockServer.Tests;

/// <summary>The simulator cannot be turned against itself, opens no admin API to the network unasked, and ties refusals to their task.</summary>
public sealed class SelfDefenceTests
{
    [Theory]
    [InlineData("http://127.0.0.1:{port}/__admin/hailuo/reset")]
    [InlineData("http://localhost:{port}/__admin/hailuo/reset")]
    [InlineData("http://[::1]:{port}/v1/videos/generations")]
    public async Task A_callback_url_naming_the_simulator_itself_is_refused_at_submit(string callback)
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(WireDialect.ApiMart);
        request.CallbackUrl = callback.Replace("{port}", sim.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await client.SubmitAsync(WireDialect.ApiMart, request);

        await TestClient.AssertRefusedAsync(response, "callback_url", "points at this simulator's own address");
        Assert.Empty(sim.Admin.Tasks);
    }

    [Fact]
    public void A_non_loopback_address_without_admin_credentials_is_refused_before_listening()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StandaloneServer.Start([], "http://0.0.0.0:1"));

        Assert.Contains("/__admin/", error.Message, StringComparison.Ordinal);
        Assert.Contains(StandaloneServer.AllowOpenAdminFlag, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://192.168.1.20:5080")]
    public void Open_admin_is_named_for_every_non_loopback_address_and_not_for_loopback_or_credentials(string url)
    {
        Assert.Contains("/__admin/hailuo/reset", StandaloneServer.OpenAdminProblem(url, new SimulatorOptions()), StringComparison.Ordinal);
        Assert.Null(StandaloneServer.OpenAdminProblem("http://127.0.0.1:5080", new SimulatorOptions()));
        Assert.Null(StandaloneServer.OpenAdminProblem(url, new SimulatorOptions { AdminUsername = "admin", AdminPassword = "s3cret" }));
    }

    [Fact]
    public async Task With_admin_credentials_the_simulators_admin_API_answers_only_to_them()
    {
        await using var sim = await HailuoSimulator.StartAsync(new SimulatorOptions { AdminUsername = "admin", AdminPassword = "s3cret" });
        using var http = sim.CreateClient();

        using var stranger = await http.PostAsync("/__admin/hailuo/reset", null);
        using var strangerLog = await http.GetAsync("/__admin/requests");
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:s3cret"u8.ToArray()));
        using var admin = await http.PostAsync("/__admin/hailuo/reset", null);

        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, strangerLog.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, admin.StatusCode);
    }

    [Fact]
    public async Task Refusals_and_403_downloads_carry_their_task_in_the_journal()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var taskId = await client.SubmitTaskAsync(WireDialect.MiniMax, TestClient.Valid(WireDialect.MiniMax));
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        var fileId = (await client.StatusAsync(WireDialect.MiniMax, taskId)).GetProperty("file_id").GetString()!;
        sim.Admin.ScriptFault(new FaultRule(SimulatorEndpoint.Status, FaultKind.Status503, 1));

        using (await client.Http.GetAsync(TestClient.StatusPath(WireDialect.MiniMax, taskId)))
        using (await client.Http.GetAsync($"/files/{fileId}.mp4?expires=1&sig=forged"))
        using (var stranger = TestClient.For(sim, key: null))
        using (await stranger.Http.GetAsync(TestClient.StatusPath(WireDialect.MiniMax, taskId)))
        {
        }

        // MiniMax's 401 travels in an HTTP 200 (the dialect's error transport), so the last three entries are the refusals.
        var refusals = sim.Admin.Journal.TakeLast(3).ToList();
        Assert.Equal([503, 403, (int)TestClient.ErrorStatus(WireDialect.MiniMax, HttpStatusCode.Unauthorized)], refusals.Select(e => e.Status));
        Assert.All(refusals, e => Assert.Equal(taskId, e.TaskId));
    }

    [Fact]
    public async Task A_task_keeps_a_summary_of_its_first_frame_not_the_data_url()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var image = TestImages.Png(640, 480);
        var request = TestClient.Valid(WireDialect.ApiMart);
        request.FirstFrameImage = TestImages.DataUrl(image, "image/png");

        await client.SubmitTaskAsync(WireDialect.ApiMart, request);
        var kept = sim.State.Tasks.All().Single().FirstFrame!;

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(image)), kept.Sha256);
        Assert.Equal((image.Length, 640, 480), (kept.Bytes, kept.Width, kept.Height));
        Assert.NotNull(kept.Luma);
        Assert.DoesNotContain(typeof(Simulation.TaskRecord).GetProperties(), p => p.Name.Contains("Image", StringComparison.Ordinal) && p.PropertyType == typeof(string));
    }
}
