using System.Net;
using Hailuo.Contracts.ContractTests.Infrastructure;
using Xunit;

namespace Hailuo.Contracts.ContractTests.Unit;

/// <summary>A download is checked against Content-Length and started over when it breaks off.</summary>
public sealed class DownloadLengthTests
{
    private static readonly VideoTask Done = new()
    {
        Id = "t1",
        Provider = "APIMart",
        Status = VideoTaskStatus.Completed,
        VideoUrl = new Uri("https://cdn.test/t1.mp4"),
    };

    [Fact]
    public async Task A_body_shorter_than_its_Content_Length_is_downloaded_again_from_the_start()
    {
        using var world = new CannedWorld(WireDialect.ApiMart, (_, call) => Video(call == 1 ? 60 : 100, 100));
        using var destination = new MemoryStream();

        var result = await world.Run(c => c.DownloadAsync(Done, destination));

        Assert.Equal(100, result.Bytes);
        Assert.Equal(100, destination.Length);
        Assert.Equal(2, world.Handler.Calls);
    }

    [Fact]
    public async Task A_body_that_is_always_short_fails_naming_the_bytes_received_and_expected()
    {
        using var world = new CannedWorld(WireDialect.ApiMart, (_, _) => Video(60, 100), o => o.Retry.MaxRetryAttempts = 1);

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.DownloadAsync(Done, Stream.Null)));

        Assert.Contains("60 of 100 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, world.Handler.Calls);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_not_written_twice()
    {
        using var world = new CannedWorld(WireDialect.ApiMart, (_, _) => Video(60, 100));
        using var destination = new ForwardOnlyStream();

        var error = await Assert.ThrowsAsync<HailuoException>(() => world.Run(c => c.DownloadAsync(Done, destination)));

        Assert.Contains("cannot seek", error.Message, StringComparison.Ordinal);
        Assert.Equal(60, destination.Written);
        Assert.Equal(1, world.Handler.Calls);
    }

    private static HttpResponseMessage Video(int sent, int announced)
    {
        var content = new ByteArrayContent(new byte[sent]);
        content.Headers.ContentLength = announced;
        content.Headers.ContentType = new("video/mp4");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private sealed class ForwardOnlyStream : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written += count;
    }
}
