using System.Reflection;
using System.Runtime.CompilerServices;
using Hailuo.MockServer.Server;
using Hailuo.MockServer.Wire;
using WireMock;

namespace Hailuo.MockServer.Tests;

/// <summary>What keeps an uploaded image's megabytes after its answer: neither the request log nor the journal's shortening.</summary>
public sealed class MemoryRetentionTests
{
    [Fact]
    public void The_request_log_keeps_no_reference_to_WireMock_Nets_message_and_so_none_to_its_body()
    {
        var (logged, message) = LogOneLargeRequest();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(message.IsAlive, "The logged request still holds WireMock.Net's message, and with it the whole body.");
        Assert.Equal("/v1/videos/generations", logged.Path);
        Assert.StartsWith("{\"first_frame_image\":\"data:image/png;base64,AAAA", logged.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_url_of_millions_of_characters_is_shortened_without_allocating_its_size_again()
    {
        var body = "{\"first_frame_image\":\"data:image/png;base64," + new string('A', 4_000_000) + "\",\"prompt\":\"A cat\"}";

        var before = GC.GetAllocatedBytesForCurrentThread();
        var shortened = DataUrlText.Shorten(body);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("{\"first_frame_image\":\"data:image/png;base64,...(4000000 base64 characters)\",\"prompt\":\"A cat\"}", shortened);
        Assert.True(allocated < 100_000, $"Shortening allocated {allocated:N0} bytes for a body of {body.Length:N0} characters.");
    }

    [Theory]
    [InlineData("data:image/png;base64,QUJD", "data:image/png;base64,QUJD")]
    [InlineData("data:;base64,{64}", "data:;base64,{64}")]
    [InlineData("x data:image/jpeg;base64,{64}\\u002B\\/\\u002fQQ== y", "x data:image/jpeg;base64,...(82 base64 characters) y")]
    [InlineData("data:image/png;base64,{63}", "data:image/png;base64,{63}")]
    [InlineData("data:a data:image/webp;base64,{64}!", "data:a data:image/webp;base64,...(64 base64 characters)!")]
    public void Only_payloads_of_64_base64_symbols_or_more_are_shortened_JSON_escapes_included(string text, string expected)
    {
        Assert.Equal(Expand(expected), DataUrlText.Shorten(Expand(text)));
    }

    private static string Expand(string text) =>
        text.Replace("{64}", new string('B', 64), StringComparison.Ordinal).Replace("{63}", new string('B', 63), StringComparison.Ordinal);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (IRequestMessage Logged, WeakReference Message) LogOneLargeRequest()
    {
        var message = RequestMessageStub.With("/v1/videos/generations", "{\"first_frame_image\":\"data:image/png;base64," + new string('A', 1_000_000) + "\"}");
        return (LoggedRequest.For(message, 4_096), new WeakReference(message));
    }

    /// <summary>A WireMock.Net request message answering only its path and body (its own constructors are internal).</summary>
    public class RequestMessageStub : DispatchProxy
    {
        private string _path = string.Empty;
        private string _body = string.Empty;

        public static IRequestMessage With(string path, string body)
        {
            var message = Create<IRequestMessage, RequestMessageStub>();
            var stub = (RequestMessageStub)(object)message;
            stub._path = path;
            stub._body = body;
            return message;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "get_Path" or "get_AbsolutePath" => _path,
            "get_Body" => _body,
            "get_Method" => "POST",
            _ => targetMethod?.ReturnType is { IsValueType: true } type && type != typeof(void) ? Activator.CreateInstance(type) : null,
        };
    }
}
