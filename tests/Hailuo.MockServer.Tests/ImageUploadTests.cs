using System.Net;
using Hailuo.Contracts;
using Hailuo.MockServer.Tests.Support;
using Hailuo.Testing;

namespace Hailuo.MockServer.Tests;

/// <summary>Data-URL images are decoded and checked by the image inspector with the spec's image rules.</summary>
public sealed class ImageUploadTests
{
    private static readonly ImageLimits Rules = HailuoSpec.Images;

    public static TheoryData<SimulatorKind, string> KindsAndFormats
    {
        get
        {
            var data = new TheoryData<SimulatorKind, string>();
            foreach (var kind in Enum.GetValues<SimulatorKind>())
            {
                foreach (var format in new[] { "png", "jpeg", "webp" })
                {
                    data.Add(kind, format);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndFormats))]
    public async Task Real_image_bytes_of_each_allowed_format_are_accepted_as_first_frame(SimulatorKind kind, string format)
    {
        var edge = Rules.MinShortEdgeExclusive + 1;
        var url = format switch
        {
            "png" => TestImages.DataUrl(TestImages.Png(edge * 2, edge), "image/png"),
            "jpeg" => TestImages.DataUrl(TestImages.Jpeg(edge * 2, edge), "image/jpeg"),
            _ => TestImages.DataUrl(TestImages.WebPLossless(edge * 2, edge), "image/webp"),
        };

        var (status, _) = await SubmitFirstFrameAsync(kind, url);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Short_edge_of_exactly_the_limit_is_rejected_and_one_pixel_more_is_accepted(SimulatorKind kind)
    {
        var limit = Rules.MinShortEdgeExclusive;

        var (rejected, body) = await SubmitFirstFrameAsync(kind, TestImages.DataUrl(TestImages.Png(limit * 2, limit), "image/png"));
        var (accepted, _) = await SubmitFirstFrameAsync(kind, TestImages.DataUrl(TestImages.Png((limit + 1) * 2, limit + 1), "image/png"));

        Assert.Equal(HttpStatusCode.BadRequest, rejected);
        Assert.Equal("first_frame_image", body.GetProperty("error").GetProperty("param").GetString());
        Assert.Contains($"short edge of {limit} px must be over {limit} px", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Aspect_ratio_exactly_at_each_bound_is_accepted_and_one_pixel_beyond_is_rejected(SimulatorKind kind)
    {
        var (narrowW, narrowH) = TestImages.AtRatio(Rules.MinAspectRatio.Width, Rules.MinAspectRatio.Height, Rules.MinShortEdgeExclusive);
        var (wideW, wideH) = TestImages.AtRatio(Rules.MaxAspectRatio.Width, Rules.MaxAspectRatio.Height, Rules.MinShortEdgeExclusive);

        var (atNarrow, _) = await SubmitFirstFrameAsync(kind, TestImages.DataUrl(TestImages.Jpeg(narrowW, narrowH), "image/jpeg"));
        var (atWide, _) = await SubmitFirstFrameAsync(kind, TestImages.DataUrl(TestImages.Jpeg(wideW, wideH), "image/jpeg"));
        var (beyondNarrow, narrowBody) = await SubmitFirstFrameAsync(kind, TestImages.DataUrl(TestImages.Jpeg(narrowW, narrowH + 1), "image/jpeg"));
        var (beyondWide, wideBody) = await SubmitFirstFrameAsync(kind, TestImages.DataUrl(TestImages.Jpeg(wideW + 1, wideH), "image/jpeg"));

        Assert.Equal(HttpStatusCode.OK, atNarrow);
        Assert.Equal(HttpStatusCode.OK, atWide);
        Assert.Equal(HttpStatusCode.BadRequest, beyondNarrow);
        Assert.Equal(HttpStatusCode.BadRequest, beyondWide);
        Assert.Contains("aspect ratio", narrowBody.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("aspect ratio", wideBody.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Image_of_the_size_limit_in_bytes_is_rejected_naming_the_limit(SimulatorKind kind)
    {
        var edge = Rules.MinShortEdgeExclusive + 1;
        var file = TestImages.Png(edge, edge, padToBytes: (int)Rules.MaxBytes);

        var (status, body) = await SubmitFirstFrameAsync(kind, TestImages.DataUrl(file, "image/png"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"must be under {Rules.MaxBytes:N0} bytes", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Gif_bytes_behind_an_allowed_media_type_are_rejected_by_their_real_format(SimulatorKind kind)
    {
        var (status, body) = await SubmitFirstFrameAsync(kind, TestImages.DataUrl(TestImages.Gif(640, 480), "image/png"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("GIF; allowed: jpeg, png, webp", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Simulators.Kinds), MemberType = typeof(Simulators))]
    public async Task Bad_last_frame_is_named_as_last_frame_image_in_the_minimax_dialect(SimulatorKind kind)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        var edge = Rules.MinShortEdgeExclusive + 1;
        var request = new VideoGenerationRequest
        {
            Model = "MiniMax-Hailuo-02",
            Prompt = "day to night",
            Resolution = "768P",
            Duration = 6,
            FirstFrameImage = TestImages.DataUrl(TestImages.Png(edge, edge), "image/png"),
            LastFrameImage = TestImages.DataUrl(TestImages.Png(100, 100), "image/png"),
        };

        using var response = await client.SubmitAsync(WireDialect.MiniMax, request);
        var body = await TestClient.ReadJsonAsync(response);

        Assert.Equal(TestClient.ErrorStatus(WireDialect.MiniMax, HttpStatusCode.BadRequest), response.StatusCode);
        Assert.Equal(2013, body.GetProperty("base_resp").GetProperty("status_code").GetInt32());
        Assert.Equal("last_frame_image", body.GetProperty("details")[0].GetProperty("field").GetString());
    }

    private static async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> SubmitFirstFrameAsync(SimulatorKind kind, string dataUrl)
    {
        await using var sim = await Simulators.StartAsync(kind);
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(WireDialect.ApiMart);
        request.FirstFrameImage = dataUrl;
        using var response = await client.SubmitAsync(WireDialect.ApiMart, request);
        return (response.StatusCode, await TestClient.ReadJsonAsync(response));
    }
}
