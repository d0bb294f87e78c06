using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hailuo.Contracts;
using Hailuo.MockServer.Server;
using Hailuo.MockServer.Tests.Support;
using Hailuo.Testing;
using WireMock.Handlers;

namespace Hailuo.MockServer.Tests;

/// <summary>The WireMock.Net host as HailuoServerSettings configures it: bodies capped, the request log masked and cut.</summary>
public sealed class HostLimitTests
{
    [Fact]
    public async Task A_body_over_the_cap_gets_413_naming_the_cap_and_creates_nothing()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        client.Http.DefaultRequestHeaders.ExpectContinue = true;
        var body = new ByteArrayContent(new byte[HailuoServerSettings.MaxRequestBodyBytes + 1]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.Http.PostAsync(TestClient.SubmitPath(WireDialect.ApiMart), body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains($"at most {HailuoServerSettings.MaxRequestBodyBytes:N0} bytes", text, StringComparison.Ordinal);
        Assert.Empty(sim.Admin.Tasks);
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_gets_413_too()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var content = new StreamContent(new EndlessStream(HailuoServerSettings.MaxRequestBodyBytes + (1024 * 1024)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, TestClient.SubmitPath(WireDialect.ApiMart)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        // The server answers and closes while the client may still be sending: either way the body was refused.
        var status = await SendAsync(client.Http, request);

        Assert.True(status is HttpStatusCode.RequestEntityTooLarge or null, $"Answered {status}.");
        Assert.Empty(sim.Admin.Tasks);
        Assert.Empty(sim.Admin.Journal);
    }

    private static async Task<HttpStatusCode?> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    [Fact]
    public async Task A_legal_body_under_the_cap_still_passes()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(WireDialect.ApiMart);
        request.FirstFrameImage = TestImages.DataUrl(TestImages.Png(1280, 720, padToBytes: 19 * 1024 * 1024), "image/png");

        using var response = await client.SubmitAsync(WireDialect.ApiMart, request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_LogEntriesChanged_subscriber_sees_the_entry_masked_as_the_log_keeps_it()
    {
        const string Key = "sk-live-secret-0123456789abcdef";
        await using var sim = await HailuoSimulator.StartAsync();
        var seen = new List<string>();
        sim.Server.LogEntriesChanged += (_, e) =>
        {
            foreach (var entry in e.NewItems?.OfType<global::WireMock.Logging.ILogEntry>() ?? [])
            {
                lock (seen)
                {
                    seen.Add(entry.RequestMessage!.Headers!["Authorization"].Single());
                }
            }
        };
        using var client = TestClient.For(sim, Key);

        await client.SubmitTaskAsync(WireDialect.ApiMart, TestClient.Valid(WireDialect.ApiMart));

        // The masking runs on WireMock.Net's log itself: its LogEntriesChanged costs a reflection-emitted invoker per request.
        Assert.True(sim.Api.LogHookIsDirect, "WireMock.Net's request log is no longer where LogHook looks: the masking fell back to LogEntriesChanged.");
        lock (seen)
        {
            Assert.Equal("Bearer ***", Assert.Single(seen));
        }
    }

    [Fact]
    public async Task The_request_log_masks_Authorization_and_cuts_long_bodies_saying_so()
    {
        const string Key = "sk-live-secret-0123456789abcdef";
        await using var sim = await HailuoSimulator.StartAsync(new SimulatorOptions { RequestLogBodyLimit = 1_000 });
        using var client = TestClient.For(sim, Key);
        var request = TestClient.Valid(WireDialect.ApiMart);
        request.FirstFrameImage = TestImages.DataUrl(TestImages.Png(640, 480, padToBytes: 200_000), "image/png");
        using (await client.SubmitAsync(WireDialect.ApiMart, request))
        {
        }

        using var admin = sim.CreateClient();
        var requests = await admin.GetStringAsync("/__admin/requests");
        var entry = sim.Server.LogEntries.Single(e => e.RequestMessage!.Path == TestClient.SubmitPath(WireDialect.ApiMart)).RequestMessage!;

        Assert.DoesNotContain(Key, requests, StringComparison.Ordinal);
        Assert.Contains("Bearer ***", requests, StringComparison.Ordinal);
        Assert.Equal("Bearer ***", entry.Headers!["Authorization"].Single());
        Assert.True(entry.Body!.Length < 1_200, $"The log kept {entry.Body.Length} characters.");
        Assert.Contains("cut by the simulator's request log", entry.Body, StringComparison.Ordinal);
        Assert.Null(entry.BodyAsBytes);
        Assert.Contains("cut by the simulator's request log", requests, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_log_keeps_a_short_body_whole()
    {
        await using var sim = await HailuoSimulator.StartAsync();
        using var client = TestClient.For(sim);
        var request = TestClient.Valid(WireDialect.ApiMart, "A short prompt to keep");
        using (await client.SubmitAsync(WireDialect.ApiMart, request))
        {
        }

        var body = sim.Server.LogEntries.Single().RequestMessage!.Body!;

        Assert.Equal("A short prompt to keep", JsonNode.Parse(body)!["prompt"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_settings_store_scenario_state_changes_one_at_a_time()
    {
        var store = HailuoServerSettings.Create(new SimulatorOptions()).ScenarioStateStore ?? new InMemoryScenarioStateStore();
        store.TryAdd("storm", new global::WireMock.ScenarioState { Name = "storm" });
        using var firstInside = new ManualResetEventSlim();
        using var secondInside = new ManualResetEventSlim();
        var overlapped = false;

        // The first change waits (bounded) for the second to start: it can only if changes run at the same time.
        var first = Task.Run(() => store.Update("storm", _ =>
        {
            firstInside.Set();
            overlapped = secondInside.Wait(TimeSpan.FromSeconds(2));
        }));
        Assert.True(firstInside.Wait(TimeSpan.FromSeconds(30)));
        var second = Task.Run(() => store.Update("storm", _ => secondInside.Set()));
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(overlapped, "Two scenario state changes ran at once.");
    }

    /// <summary>A body of zeros that never says its length.</summary>
    private sealed class EndlessStream(long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, _left);
            Array.Clear(buffer, offset, n);
            _left -= n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
