using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;
using Hailuo.MockServer.Tests.Support;
using Hailuo.MockServer.Wire;
using Hailuo.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Hailuo.MockServer.Tests;

/// <summary>
/// Thousands of generated submit bodies and damaged images through the engine's request reader and image checks: every
/// answer is a 2xx or a 4xx in words, never a 5xx, an exception, or text naming a .NET type.
/// </summary>
public sealed class RequestFuzzTests
{
    private static readonly string[] Fields =
        ["model", "prompt", "duration", "resolution", "first_frame_image", "last_frame_image", "subject_reference", "callback_url", "prompt_optimizer", "fast_pretreatment", "watermark", "type", "image", "x"];

    private static readonly string[] Texts =
    [
        "MiniMax-Hailuo-02", "MiniMax-Hailuo-2.3", "hailuo-02", "768p", "768P", "1080P", "512P", "A cat", "", " ", "\\ud800", "\\udfff\\ud800", "\\u0000",
        "data:image/png;base64,", "data:image/png;base64,AAAA", "data:image/gif;base64,R0lG", "data:,", "https://example.invalid/a.png", "http://127.0.0.1:9/cb",
        "../../__admin/hailuo/reset", "character", "9999999999999999999999", "1e308", "%00", "\u202e", "😀",
    ];

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.OneOf("null", "true", "false", "0", "-0", "1e308", "-1e308", "1e-400", "99999999999999999999", "6", "10", "-6", "6.5", "2147483648"),
        Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf(Texts).Select(t => "\"" + t + "\""),
        Gen.String.Select(s => JsonSerializer.Serialize(s)));

    private static readonly Gen<string> Value = Gen.OneOf(
        Scalar,
        Scalar.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]"),
        Gen.Select(Gen.OneOf(Fields), Scalar).Array[0, 3].Select(Object),
        Gen.Select(Gen.OneOf(Fields), Scalar.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")).Array[1, 2].Select(o => "[" + Object(o) + "]"));

    private static readonly Gen<string> Body = Gen.OneOf(
        Gen.Select(Gen.OneOf(Fields), Value).Array[0, 8].Select(Object),
        Gen.Select(Gen.Select(Gen.OneOf(Fields), Value).Array[1, 6].Select(Object), Gen.Int[0, 200], Gen.Char).Select(Damage),
        Gen.String,
        Gen.OneOf("", "null", "[]", "\"text\"", "{", "{}", "{\"model\":", "{\"a\":1}}", new string('[', 5000)));

    private static readonly byte[][] Images =
    [
        BadInputTests.NoisyPng(304, 304),
        TestImages.Png(304, 304),
        TestImages.Jpeg(304, 304),
        TestImages.WebPLossless(304, 304),
        TestImages.WebPLossy(304, 304),
    ];

    [Fact]
    public async Task Generated_bodies_get_a_2xx_or_a_4xx_in_words()
    {
        await using var engine = new Engine();

        await Body.SampleAsync(async body => await engine.AssertAnswerAsync(body), iter: 4_000, threads: 1);
    }

    [Fact]
    public async Task Damaged_images_get_a_2xx_or_a_4xx_naming_their_field()
    {
        await using var engine = new Engine();
        var damaged = Gen.Select(Gen.Int[0, Images.Length - 1], Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Bool)
            .Select((image, how, at, value, asLast) => (Bytes: Damage(Images[image], how, at, value), Type: image switch { <= 1 => "image/png", 2 => "image/jpeg", _ => "image/webp" }, AsLast: asLast));

        await damaged.SampleAsync(
            async image =>
            {
                var request = TestClient.Valid(WireDialect.MiniMax);
                request.Model = "MiniMax-Hailuo-02";
                request.Resolution = "768P";
                request.Duration = 6;
                request.FirstFrameImage = TestImages.DataUrl(image.AsLast ? Images[1] : image.Bytes, image.Type);
                request.LastFrameImage = image.AsLast ? TestImages.DataUrl(image.Bytes, image.Type) : null;
                await engine.AssertAnswerAsync(JsonSerializer.Serialize(request, WireJson.Options), WireDialect.MiniMax);
            },
            iter: 250,
            threads: 1);
    }

    [Fact]
    public async Task Generated_bodies_through_the_WireMock_host_get_a_2xx_or_a_4xx()
    {
        await using var sim = await HailuoSimulator.StartAsync(new SimulatorOptions { CallbackClient = new HttpClient(new Engine.AnsweringHandler()) });
        using var client = TestClient.For(sim);

        await Body.SampleAsync(
            async body =>
            {
                using var response = await client.Http.PostAsync(TestClient.SubmitPath(WireDialect.ApiMart), new StringContent(body, Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode is >= 200 and < 500, $"{(int)response.StatusCode} for {body}: {text}");
                BadInputTests.AssertNoDotNetText(text);
            },
            iter: 200,
            threads: 1);
    }

    private static string Object((string Name, string Value)[] fields) => "{" + string.Join(",", fields.Select(f => "\"" + f.Name + "\":" + f.Value)) + "}";

    private static string Damage(string body, int at, char inserted) => at % 3 == 0
        ? body[..Math.Min(body.Length, at)]
        : body.Insert(Math.Min(body.Length, at), inserted.ToString());

    /// <summary>A cut at a point, a changed byte, or both.</summary>
    private static byte[] Damage(byte[] image, int how, int at, byte value)
    {
        var bytes = image.ToArray();
        var position = at % bytes.Length;
        if (how != 0)
        {
            bytes[position] = value;
        }

        return how == 1 ? bytes : bytes[..Math.Max(1, position)];
    }

    /// <summary>The engine on a manual clock, answered in process; callbacks go to a handler that echoes nothing.</summary>
    private sealed class Engine : IAsyncDisposable
    {
        private readonly SimulatorState _state;
        private readonly WireEngine _engine;

        public Engine()
        {
            _state = new SimulatorState(new SimulatorOptions { CallbackClient = new HttpClient(new AnsweringHandler()) }, new FakeTimeProvider(HailuoSimulator.ClockStart), NullLoggerFactory.Instance);
            _engine = new WireEngine(_state);
        }

        public async Task AssertAnswerAsync(string body, WireDialect dialect = WireDialect.ApiMart)
        {
            var path = TestClient.SubmitPath(dialect);
            var request = new WireRequest("POST", path, string.Empty, new Dictionary<string, string>(), "Bearer " + TestClient.DefaultKey, body, "http://127.0.0.1:1");
            var answer = await _engine.HandleAsync(new WireRoute(SimulatorEndpoint.Submit, dialect), request, new Connection());

            Assert.NotNull(answer);
            Assert.True(answer.Status is >= 200 and < 500, $"{answer.Status} for {body}: {answer.Text}");
            BadInputTests.AssertNoDotNetText(answer.Text ?? string.Empty);
        }

        public ValueTask DisposeAsync() => _state.DisposeAsync();

        /// <summary>Every callback POST is answered 400 at once: nothing leaves the process.</summary>
        public sealed class AnsweringHandler : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest));
        }

        private sealed class Connection : IWireConnection
        {
            public CancellationToken Aborted => CancellationToken.None;

            public void Reset()
            {
            }
        }
    }
}
