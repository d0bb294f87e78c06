using System.Buffers.Binary;
using System.Net;
using System.Text;
using Hailuo.Contracts;
using Hailuo.MockServer.Server;
using Hailuo.MockServer.Tests.Support;
using Hailuo.Testing;

namespace Hailuo.MockServer.Tests;

/// <summary>Bad input gets a 4xx that names the field in words: never a 500 carrying .NET's exception text.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData(WireDialect.ApiMart, "\"prompt\":\"A cat \\ud800 runs\"", "'prompt' holds a lone UTF-16 surrogate")]
    [InlineData(WireDialect.MiniMax, "\"prompt\":\"A cat \\udfff\"", "'prompt' holds a lone UTF-16 surrogate")]
    [InlineData(WireDialect.ApiMart, "\"prompt\":\"A cat\",\"prompt\":\"A dog\"", "'prompt' is given more than once")]
    [InlineData(WireDialect.MiniMax, "\"prompt\":\"A cat\",\"prompt\":\"A dog\"", "'prompt' is given more than once")]
    public async Task A_lone_surrogate_or_a_duplicated_key_gets_400_naming_the_field(WireDialect dialect, string fields, string message)
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var json = "{\"model\":\"" + Cases.Provider(dialect).Models[0].Id + "\"," + fields + "}";

        using var response = await client.Http.PostAsync(TestClient.SubmitPath(dialect), new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(TestClient.ErrorStatus(dialect, HttpStatusCode.BadRequest), response.StatusCode);
        Assert.Contains(message, text, StringComparison.Ordinal);
        AssertNoDotNetText(text);
        Assert.Empty(sim.Admin.Tasks);
    }

    [Theory]
    [InlineData("1e308d")]
    [InlineData("1e308")]
    [InlineData("NaN")]
    [InlineData("36501d")]
    public async Task An_overflowing_advance_gets_400_and_leaves_the_clock(string by)
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var http = sim.CreateClient();

        using var response = await http.PostAsync("/__admin/hailuo/advance?by=" + Uri.EscapeDataString(by), null);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'by' is '" + by + "'", text, StringComparison.Ordinal);
        AssertNoDotNetText(text);
        Assert.Equal(HailuoSimulator.ClockStart, sim.Clock.GetUtcNow());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_png_whose_compressed_data_is_cut_short_is_refused_at_submit_naming_the_field(bool cutInsideTheChunk)
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var whole = NoisyPng(640, 480);
        var request = TestClient.Valid(WireDialect.ApiMart);
        request.FirstFrameImage = TestImages.DataUrl(cutInsideTheChunk ? whole[..(whole.Length / 2)] : ShortenIdat(whole), "image/png");

        using var response = await client.SubmitAsync(WireDialect.ApiMart, request);

        await TestClient.AssertRefusedAsync(response, "first_frame_image", "cannot be decoded: it is cut short");
        Assert.Empty(sim.Admin.Tasks);
    }

    [Fact]
    public async Task A_jpeg_cut_inside_its_scan_is_refused_naming_the_field()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var whole = TestImages.Jpeg(640, 480);
        var request = TestClient.Valid(WireDialect.ApiMart);
        request.FirstFrameImage = TestImages.DataUrl(whole[..^2], "image/jpeg");

        using var response = await client.SubmitAsync(WireDialect.ApiMart, request);
        var body = await TestClient.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'first_frame_image': the jpeg image", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/v1/videos/generations", "POST")]
    [InlineData("DELETE", "/v1/tasks/task_01ABC", "GET")]
    [InlineData("POST", "/v1/query/video_generation?task_id=1", "GET")]
    [InlineData("GET", "/__admin/hailuo/reset", "POST")]
    [InlineData("PUT", "/__admin/hailuo/faults", "DELETE, GET, POST")]
    public async Task A_wrong_method_gets_405_with_Allow(string method, string path, string allow)
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);

        using var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Contains(method + " is not allowed", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/v1/videos/generations/x")]
    [InlineData("POST", "/v1/videos/generations%0A")]
    [InlineData("POST", "/V1/videos/generations")]
    [InlineData("GET", "/v1/tasks/a/b")]
    [InlineData("GET", "/v1/tasks/")]
    [InlineData("GET", "/files/abc.mp4x")]
    [InlineData("GET", "/__admin/hailuo/journalx")]
    [InlineData("GET", "/x%0A/__admin/hailuo/journal")]
    public async Task A_path_beside_a_served_one_passes_the_engine_by(string method, string path)
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);

        // A user's catch-all after the engine: it answers whatever the engine's one mapping does not match.
        sim.Server.Given(global::WireMock.RequestBuilders.Request.Create().WithPath(new global::WireMock.Matchers.RegexMatcher(".*")))
            .AtPriority(HailuoApi.EnginePriority + 1)
            .RespondWith(global::WireMock.ResponseBuilders.Response.Create().WithStatusCode(299).WithBody("user's catch-all"));
        using var served = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/__admin/hailuo/journal"));
        using var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        // The one mapping matches exactly what a mapping per path matched, with WireMock.Net's own exact and regex matchers.
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(299, (int)response.StatusCode);
        Assert.Equal("user's catch-all", await response.Content.ReadAsStringAsync());
    }

    internal static void AssertNoDotNetText(string text)
    {
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    /// <summary>An RGB PNG of noise: its compressed data is long enough to cut.</summary>
    internal static byte[] NoisyPng(int width, int height, int seed = 7)
    {
        var random = new Random(seed);
        using var pixels = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(pixels, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[(width * 3) + 1];
            for (var y = 0; y < height; y++)
            {
                random.NextBytes(row);
                row[0] = 0;
                zlib.Write(row);
            }
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        return Png(header, pixels.ToArray());
    }

    /// <summary>The same PNG with its IDAT's compressed bytes cut to half: every chunk still well formed.</summary>
    private static byte[] ShortenIdat(byte[] png)
    {
        var header = png.AsSpan(16, 13).ToArray();
        var idatLength = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        return Png(header, png.AsSpan(41, idatLength / 2).ToArray());
    }

    private static byte[] Png(byte[] header, byte[] idat)
    {
        using var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        foreach (var (type, data) in new[] { ("IHDR", header), ("IDAT", idat), ("IEND", Array.Empty<byte>()) })
        {
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            file.Write(length);
            file.Write(Encoding.ASCII.GetBytes(type));
            file.Write(data);
            file.Write(new byte[4]);
        }

        return file.ToArray();
    }
}
