using System.Globalization;
using System.Net;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;

namespace Hailuo.MockServer.Tests;

/// <summary>Each query signs a fresh download URL while the file is kept; after FileRetention the file is gone.</summary>
public sealed class FileRetentionTests
{
    private static readonly SimulatorOptions Keeping = new() { UrlLifetime = TimeSpan.FromHours(1), FileRetention = TimeSpan.FromHours(5) };

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task A_query_after_the_url_expired_hands_out_a_fresh_url_living_UrlLifetime_from_the_query(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind, Keeping);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(dialect, TestClient.Valid(dialect));
        sim.Clock.Advance(Keeping.CompletedAfter);
        var first = await client.DownloadUrlAsync(dialect, id);

        sim.Clock.Advance(TimeSpan.FromHours(2));
        var queriedAt = sim.Clock.GetUtcNow();
        var fresh = await client.DownloadUrlAsync(dialect, id);
        using var byFresh = await client.Http.GetAsync(fresh);
        using var byFirst = await client.Http.GetAsync(first);

        Assert.NotEqual(first, fresh);
        Assert.Equal(queriedAt + Keeping.UrlLifetime, Expires(fresh));
        Assert.Equal(HttpStatusCode.OK, byFresh.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byFirst.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task An_earlier_url_still_answers_403_after_its_own_expiry_while_a_fresh_one_works(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind, Keeping);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(dialect, TestClient.Valid(dialect));
        sim.Clock.Advance(Keeping.CompletedAfter);
        var first = await client.DownloadUrlAsync(dialect, id);
        sim.Clock.Advance(TimeSpan.FromMinutes(30));
        var second = await client.DownloadUrlAsync(dialect, id);

        sim.Clock.Advance(TimeSpan.FromMinutes(30));
        using var firstAtItsExpiry = await client.Http.GetAsync(first);
        using var secondMeanwhile = await client.Http.GetAsync(second);

        Assert.Equal(HttpStatusCode.Forbidden, firstAtItsExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondMeanwhile.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Cases.KindsAndDialects), MemberType = typeof(Cases))]
    public async Task A_url_issued_shortly_before_the_file_is_deleted_expires_with_the_file(SimulatorKind kind, WireDialect dialect)
    {
        await using var sim = await Simulators.StartAsync(kind, Keeping);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(dialect, TestClient.Valid(dialect));
        var deletedAt = sim.Clock.GetUtcNow() + Keeping.CompletedAfter + Keeping.FileRetention;

        sim.Clock.Advance(Keeping.CompletedAfter + Keeping.FileRetention - TimeSpan.FromMinutes(10));
        var url = await client.DownloadUrlAsync(dialect, id);

        Assert.Equal(deletedAt, Expires(url));
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Minimax_file_retrieve_answers_not_found_in_base_resp_once_FileRetention_has_passed(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind, Keeping);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(WireDialect.MiniMax, TestClient.Valid(WireDialect.MiniMax));
        var fileId = Assert.Single(sim.Admin.Tasks).FileId;

        sim.Clock.Advance(Keeping.CompletedAfter + Keeping.FileRetention - TimeSpan.FromTicks(1));
        using var lastMoment = await client.Http.GetAsync("/v1/files/retrieve?file_id=" + fileId);
        sim.Clock.Advance(TimeSpan.FromTicks(1));
        using var gone = await client.Http.GetAsync("/v1/files/retrieve?file_id=" + fileId);
        var body = await TestClient.ReadJsonAsync(gone);

        Assert.Equal(HttpStatusCode.OK, lastMoment.StatusCode);
        Assert.Equal(TestClient.ErrorStatus(WireDialect.MiniMax, HttpStatusCode.NotFound), gone.StatusCode);
        Assert.Equal(2013, body.GetProperty("base_resp").GetProperty("status_code").GetInt32());
        Assert.Contains("deleted", body.GetProperty("base_resp").GetProperty("status_msg").GetString(), StringComparison.Ordinal);
        Assert.Equal("Success", await client.StatusWordAsync(WireDialect.MiniMax, id));
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Apimart_task_shows_its_video_as_expired_once_FileRetention_has_passed(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind, Keeping);
        using var client = TestClient.For(sim);
        var id = await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));
        var deletedAt = sim.Clock.GetUtcNow() + Keeping.CompletedAfter + Keeping.FileRetention;

        sim.Clock.Advance(Keeping.CompletedAfter + Keeping.FileRetention + TimeSpan.FromDays(1));
        var data = (await client.StatusAsync(WireDialect.ApiMart, id)).GetProperty("data");
        var video = data.GetProperty("result").GetProperty("videos")[0];
        using var download = await client.Http.GetAsync(video.GetProperty("url")[0].GetString());

        Assert.Equal("completed", data.GetProperty("status").GetString());
        Assert.Equal(deletedAt.ToUnixTimeSeconds(), video.GetProperty("expires_at").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
    }

    private static DateTimeOffset Expires(string url)
    {
        var start = url.IndexOf("expires=", StringComparison.Ordinal) + "expires=".Length;
        return DateTimeOffset.FromUnixTimeSeconds(long.Parse(url[start..url.IndexOf('&', start)], CultureInfo.InvariantCulture));
    }
}
