using System.Buffers;
using Hailuo.Contracts.Client;
using Hailuo.Contracts.Errors;
using Hailuo.Contracts.Resilience;
using Hailuo.Contracts.Telemetry;

namespace Hailuo.Contracts.Download;

/// <summary>
/// Streams a completed task's MP4 to a destination, checks its length, restarts on transient failures, and asks for a
/// fresh URL when the signed one has expired (HTTP 403/410) before giving up.
/// </summary>
internal sealed class VideoDownloader
{
    // The spec's retention fact (tasks.downloadUrlLifetimeSeconds) in hours, as the messages state it.
    private static readonly string UrlLifetime = HailuoSpec.Tasks.DownloadUrlLifetime.TotalHours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " h";

    private readonly ClientContext _context;
    private readonly TaskReader _reader;

    public VideoDownloader(ClientContext context, TaskReader reader)
    {
        _context = context;
        _reader = reader;
    }

    public async Task<DownloadResult> ToFileAsync(VideoTask task, string path, CancellationToken cancellationToken)
    {
        var result = await AtomicFile.WriteAsync(path, (file, ct) => ToStreamAsync(task, file, ct), cancellationToken).ConfigureAwait(false);
        return result with { Path = Path.GetFullPath(path) };
    }

    public async Task<DownloadResult> ToStreamAsync(VideoTask task, Stream destination, CancellationToken cancellationToken)
    {
        if (task.Status != VideoTaskStatus.Completed)
        {
            throw new InvalidOperationException($"Task {task.Id} is {task.Status}: only a completed task has a video. Wait for it to complete first.");
        }

        using var activity = ClientActivity.Start("hailuo.download", task.Provider, task.Id);
        try
        {
            var url = task.VideoUrl is { } known
                ? new Transport.SignedUrl(known, task.VideoUrlExpiresAt)
                : await _reader.RefreshUrlAsync(task, cancellationToken).ConfigureAwait(false);
            var target = new Target(destination);
            for (var refreshes = 0; ; refreshes++)
            {
                var attempt = await _context.Pipelines.Downloads.ExecuteAsync(
                    static (state, ct) => new ValueTask<Attempt>(state.Self.OnceAsync(state.Url, state.Target, ct)),
                    (Self: this, url.Url, Target: target),
                    cancellationToken).ConfigureAwait(false);
                if (attempt.Bytes is { } bytes)
                {
                    ClientLog.Downloaded(_context.Logger, bytes, task.Id);
                    HailuoTelemetry.Bytes.Add(bytes, new KeyValuePair<string, object?>("hailuo.provider", task.Provider));
                    return new DownloadResult(bytes, attempt.ContentType, refreshes);
                }

                if (refreshes >= _context.Options.MaxUrlRefreshes)
                {
                    throw new HailuoUrlExpiredException(
                        $"The download URL of task {task.Id} on {task.Provider} has expired (HTTP {attempt.Status}) and {refreshes} fresh URL(s) did not help. "
                        + $"Download within the URL's lifetime ({UrlLifetime}) of completion.",
                        new HailuoErrorDetails(task.Provider, attempt.Status, TaskId: task.Id),
                        url.ExpiresAt,
                        refreshes);
                }

                ClientLog.RefreshingUrl(_context.Logger, task.Id, task.Provider, refreshes + 1);
                url = await RefreshAsync(task, url, refreshes + 1, attempt.Status, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not HailuoException && !cancellationToken.IsCancellationRequested && RetryDecisions.IsTransientException(e))
        {
            // Resets and attempt timeouts outlasted the retries: the caller gets our exception, as for every other call.
            var failure = ErrorMapper.FromException(_context.Provider, "download", e, task.Id);
            ClientActivity.Fail(activity, failure);
            throw failure;
        }
        catch (Exception e)
        {
            ClientActivity.Fail(activity, e);
            throw;
        }
    }

    /// <summary>A fresh URL; a service that no longer knows the file or task (404/410) has deleted the video, so the URL has expired for good.</summary>
    private async Task<Transport.SignedUrl> RefreshAsync(VideoTask task, Transport.SignedUrl expired, int refresh, int downloadStatus, CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.RefreshUrlAsync(task, cancellationToken).ConfigureAwait(false);
        }
        catch (HailuoException e) when (e.HttpStatus is 404 or 410 || e.ErrorCode == HailuoException.NotFound)
        {
            throw new HailuoUrlExpiredException(
                $"The download URL of task {task.Id} on {task.Provider} has expired (HTTP {downloadStatus}) and {task.Provider} no longer keeps the video: "
                + $"asking for a fresh URL answered HTTP {e.HttpStatus}. Download within the URL's lifetime ({UrlLifetime}) of completion.",
                new HailuoErrorDetails(task.Provider, e.HttpStatus, e.ProviderCode, e.RequestId, task.Id),
                expired.ExpiresAt,
                refresh,
                e);
        }
    }

    private async Task<Attempt> OnceAsync(Uri url, Target target, CancellationToken cancellationToken)
    {
        target.Rewind();
        using var response = await _context.Transport.GetVideoAsync(_context.Pipelines.DownloadStart, url, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is 403 or 410)
        {
            return new Attempt(status, null, null);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HailuoException(
                $"Downloading the video failed with HTTP {status}.",
                new HailuoErrorDetails(_context.Provider.Name, status, IsTransient: RetryDecisions.IsTransientStatus(status)));
        }

        var expected = response.Content.Headers.ContentLength;
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var written = await target.CopyFromAsync(body, cancellationToken).ConfigureAwait(false);
            if (expected is { } length && written != length)
            {
                throw new HailuoException(
                    $"The video download ended after {written} of {length} bytes.",
                    new HailuoErrorDetails(_context.Provider.Name, status, IsTransient: true));
            }

            return new Attempt(status, written, response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>A download attempt: bytes written, or null when the URL had expired.</summary>
    private readonly record struct Attempt(int Status, long? Bytes, string? ContentType);

    /// <summary>The destination; a retry starts it over, which only a seekable stream allows once bytes are written.</summary>
    private sealed class Target
    {
        private readonly Stream _stream;
        private readonly long? _start;
        private long _written;

        public Target(Stream stream)
        {
            _stream = stream;
            _start = stream.CanSeek ? stream.Position : null;
        }

        public void Rewind()
        {
            if (_written == 0)
            {
                return;
            }

            if (_start is not { } start)
            {
                throw new HailuoException($"The download broke off after {_written} bytes and the destination stream cannot seek back to start over.");
            }

            _stream.Position = start;
            _stream.SetLength(start);
            _written = 0;
        }

        public async Task<long> CopyFromAsync(Stream source, CancellationToken cancellationToken)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await _stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    _written += read;
                }

                return _written;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
