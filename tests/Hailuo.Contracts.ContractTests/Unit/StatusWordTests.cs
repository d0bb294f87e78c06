using Xunit;

namespace Hailuo.Contracts.ContractTests.Unit;

/// <summary>Every documented status word of both dialects reads as one status; a spelling no source documents reads as unknown.</summary>
public sealed class StatusWordTests
{
    [Theory]
    [InlineData("submitted", VideoTaskStatus.Submitted)]
    [InlineData("Preparing", VideoTaskStatus.Submitted)]
    [InlineData("queued", VideoTaskStatus.Queued)]
    [InlineData("pending", VideoTaskStatus.Queued)]
    [InlineData("Queueing", VideoTaskStatus.Queued)]
    [InlineData("processing", VideoTaskStatus.Processing)]
    [InlineData("Processing", VideoTaskStatus.Processing)]
    [InlineData("completed", VideoTaskStatus.Completed)]
    [InlineData("success", VideoTaskStatus.Completed)]
    [InlineData("Success", VideoTaskStatus.Completed)]
    [InlineData("failed", VideoTaskStatus.Failed)]
    [InlineData("Fail", VideoTaskStatus.Failed)]
    [InlineData("cancelled", VideoTaskStatus.Cancelled)]
    [InlineData(" COMPLETED ", VideoTaskStatus.Completed)]
    [InlineData("rendering", VideoTaskStatus.Unknown)]
    [InlineData("QUEUING", VideoTaskStatus.Unknown)]
    [InlineData("RUNNING", VideoTaskStatus.Unknown)]
    [InlineData("IN_PROGRESS", VideoTaskStatus.Unknown)]
    [InlineData("SUCCEEDED", VideoTaskStatus.Unknown)]
    [InlineData("FAILURE", VideoTaskStatus.Unknown)]
    [InlineData("canceled", VideoTaskStatus.Unknown)]
    [InlineData(null, VideoTaskStatus.Unknown)]
    public void A_wire_word_reads_as_its_status(string? word, VideoTaskStatus status) =>
        Assert.Equal(status, VideoTaskStatusWords.Parse(word));

    [Theory]
    [InlineData(VideoTaskStatus.Completed, true)]
    [InlineData(VideoTaskStatus.Failed, true)]
    [InlineData(VideoTaskStatus.Cancelled, true)]
    [InlineData(VideoTaskStatus.Processing, false)]
    [InlineData(VideoTaskStatus.Unknown, false)]
    public void Only_completed_failed_and_cancelled_end_a_wait(VideoTaskStatus status, bool terminal) =>
        Assert.Equal(terminal, status.IsTerminal());
}
