using System.Net;
using System.Net.Http.Headers;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;
using Hailuo.Testing;

namespace Hailuo.MockServer.Tests;

public sealed class DownloadTests
{
    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task Downloaded_file_is_an_mp4_of_the_tasks_size_and_duration(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(dialect);
        var id = await client.SubmitTaskAsync(dialect, request);
        sim.Clock.Advance(TimeSpan.FromMinutes(1));

        using var response = await client.Http.GetAsync(await client.DownloadUrlAsync(dialect, id));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        var size = HailuoSpec.Resolutions.Single(r => string.Equals(r.Name, request.Resolution, StringComparison.OrdinalIgnoreCase));
        var facts = Mp4Boxes.Read(bytes);
        Assert.Equal((size.Width, size.Height), (facts.Width, facts.Height));
        Assert.Equal(request.Duration!.Value, facts.DurationSeconds);
        Assert.Equal(request.Duration!.Value * 24, facts.SampleCount);
    }

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task Download_url_answers_403_once_its_lifetime_has_passed(SimulatorKind kind, WireDialect dialect)
    {
        var options = new SimulatorOptions();
        await using var sim = await Simulators.StartAsync(kind, options);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(dialect, TestClient.Valid(dialect));
        sim.Clock.Advance(options.CompletedAfter);
        var url = await client.DownloadUrlAsync(dialect, id);

        sim.Clock.Advance(options.UrlLifetime - TimeSpan.FromSeconds(1));
        using var lastSecond = await client.Http.GetAsync(url);
        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, lastSecond.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Download_url_with_a_changed_expiry_or_signature_answers_403(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        var url = await client.DownloadUrlAsync(WireDialect.ApiMart, id);
        var expires = url[(url.IndexOf("expires=", StringComparison.Ordinal) + 8)..url.IndexOf('&', StringComparison.Ordinal)];

        using var longer = await client.Http.GetAsync(url.Replace("expires=" + expires, "expires=" + (long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 86400), StringComparison.Ordinal));
        using var unsigned = await client.Http.GetAsync(url[..url.IndexOf("&sig=", StringComparison.Ordinal)]);

        Assert.Equal(HttpStatusCode.Forbidden, longer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Minimax_file_is_not_retrievable_before_its_task_succeeds(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(WireDialect.MiniMax, TestClient.Valid(WireDialect.MiniMax));
        var fileId = Assert.Single(sim.Admin.Tasks).FileId;

        using var early = await client.Http.GetAsync("/v1/files/retrieve?file_id=" + fileId);
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        using var late = await client.Http.GetAsync("/v1/files/retrieve?file_id=" + fileId);
        var file = (await TestClient.ReadJsonAsync(late)).GetProperty("file");

        Assert.Equal(TestClient.ErrorStatus(WireDialect.MiniMax, HttpStatusCode.NotFound), early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(long.Parse(fileId, System.Globalization.CultureInfo.InvariantCulture), file.GetProperty("file_id").GetInt64());
        Assert.Equal("video_generation", file.GetProperty("purpose").GetString());
        Assert.True(file.GetProperty("bytes").GetInt64() > 0);
        Assert.NotNull(id);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Download_honours_range_requests_for_resumed_downloads(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        using var request = new HttpRequestMessage(HttpMethod.Get, await client.DownloadUrlAsync(WireDialect.ApiMart, id));
        request.Headers.Range = new RangeHeaderValue(100, 199);

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(100, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Ffprobe_agrees_with_the_requested_size_and_duration()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var request = new VideoGenerationRequest { Model = "MiniMax-Hailuo-02", Prompt = "cat", Resolution = "1080P", Duration = 6 };
        var id = await client.SubmitTaskAsync(WireDialect.MiniMax, request);
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        var bytes = await client.Http.GetByteArrayAsync(await client.DownloadUrlAsync(WireDialect.MiniMax, id));

        var boxes = Mp4Boxes.Read(bytes);
        Assert.Equal((1920, 1080, 6.0), (boxes.Width, boxes.Height, boxes.DurationSeconds));

        // ffprobe (installed by `bash build.sh test`) is the independent check beside our own box reader.
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".mp4");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            Assert.Equal(("h264", 1920, 1080, 6.0), await Ffprobe.ProbeAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
