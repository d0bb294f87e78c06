using Hailuo.Contracts.Errors;
using Hailuo.Contracts.Resilience;
using Hailuo.Contracts.Transport;

namespace Hailuo.Contracts.Client;

/// <summary>Reads a task's status and its download URL (MiniMax: from the file-retrieve endpoint), through the read pipeline.</summary>
internal sealed class TaskReader
{
    private readonly ClientContext _context;

    // What is known of a task before its first poll, so a task known by id alone is built in one copy.
    private readonly VideoTask _nothingKnown;

    public TaskReader(ClientContext context)
    {
        _context = context;
        _nothingKnown = VideoTask.FromId("unknown", context.Provider.Name);
    }

    /// <summary>The task as the service sees it now, merged into what we knew, and the server's Retry-After hint.</summary>
    public async ValueTask<(VideoTask Task, TimeSpan? RetryAfter)> PollAsync(VideoTask known, CancellationToken cancellationToken)
    {
        var (snapshot, retryAfter) = await ReadStatusAsync(known.Id, cancellationToken).ConfigureAwait(false);
        return (Merge(known, known.Id, snapshot), retryAfter);
    }

    /// <summary>A task known only by its id, as the service sees it now.</summary>
    public async ValueTask<VideoTask> PollIdAsync(string id, CancellationToken cancellationToken)
    {
        var (snapshot, _) = await ReadStatusAsync(id, cancellationToken).ConfigureAwait(false);
        return Merge(_nothingKnown, id, snapshot);
    }

    private async ValueTask<(TaskSnapshot Snapshot, TimeSpan? RetryAfter)> ReadStatusAsync(string id, CancellationToken cancellationToken)
    {
        var response = await ReadAsync("status", static (target, id, ct) => target.GetTaskAsync(id, ct), id, id, cancellationToken).ConfigureAwait(false);
        return (response.Snapshot ?? throw Unreadable(response, "status", id), response.RetryAfter);
    }

    /// <summary>A completed MiniMax task carries a file id only: fetch its download URL so both dialects look alike.</summary>
    public async ValueTask<VideoTask> WithVideoUrlAsync(VideoTask task, CancellationToken cancellationToken)
    {
        if (!NeedsVideoUrl(task))
        {
            return task;
        }

        var url = await RetrieveFileAsync(task, cancellationToken).ConfigureAwait(false);
        return task with { VideoUrl = url.Url, VideoUrlExpiresAt = url.ExpiresAt };
    }

    /// <summary>Whether the task completed with a file id only, whose URL the file-retrieve call gives.</summary>
    public bool NeedsVideoUrl(VideoTask task) =>
        task.Status == VideoTaskStatus.Completed && task.VideoUrl is null && task.FileId is not null && _context.Provider.Dialect == WireDialect.MiniMax;

    /// <summary>A fresh download URL: MiniMax retrieves the file again, APIMart queries the task again.</summary>
    public async ValueTask<SignedUrl> RefreshUrlAsync(VideoTask task, CancellationToken cancellationToken)
    {
        if (_context.Provider.Dialect == WireDialect.MiniMax && task.FileId is not null)
        {
            return await RetrieveFileAsync(task, cancellationToken).ConfigureAwait(false);
        }

        var (fresh, _) = await PollAsync(task, cancellationToken).ConfigureAwait(false);
        fresh = await WithVideoUrlAsync(fresh, cancellationToken).ConfigureAwait(false);
        return fresh.VideoUrl is { } url
            ? new SignedUrl(url, fresh.VideoUrlExpiresAt)
            : throw new HailuoException(
                $"Task {task.Id} on {task.Provider} is {fresh.Status} and its status carries no video URL.",
                new HailuoErrorDetails(task.Provider, TaskId: task.Id));
    }

    private async ValueTask<SignedUrl> RetrieveFileAsync(VideoTask task, CancellationToken cancellationToken)
    {
        var fileId = task.FileId!;
        var response = await ReadAsync("file_retrieve", static (target, fileId, ct) => target.RetrieveFileAsync(fileId, ct), fileId, task.Id, cancellationToken).ConfigureAwait(false);
        var url = response.DownloadUrl ?? throw Unreadable(response, "file_retrieve", task.Id);
        return new SignedUrl(url, null);
    }

    private async ValueTask<WireResponse> ReadAsync(string operation, Func<CallTarget, string, CancellationToken, ValueTask<WireResponse>> call, string argument, string taskId, CancellationToken cancellationToken)
    {
        WireResponse response;
        try
        {
            response = await _context.Transport.SendAsync(_context.Pipelines.Reads, operation, argument, call, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (RetryDecisions.IsTransientException(e))
        {
            throw ErrorMapper.FromException(_context.Provider, operation, e, taskId);
        }

        return response.IsSuccess ? response : throw ErrorMapper.FromResponse(_context.Provider, response, operation, taskId);
    }

    private HailuoException Unreadable(WireResponse response, string operation, string taskId) => new(
        $"{_context.Provider.Name} answered {operation} of task {taskId} with HTTP {response.Status} but the body has no status the client can read.",
        new HailuoErrorDetails(_context.Provider.Name, response.Status, RequestId: response.RequestId, TaskId: taskId, TraceId: response.TraceId));

    private static VideoTask Merge(VideoTask known, string id, TaskSnapshot snapshot)
    {
        var status = VideoTaskStatusWords.Parse(snapshot.StatusWord);
        return known with
        {
            Id = id,
            Status = status,
            StatusWord = snapshot.StatusWord,
            Progress = snapshot.Progress ?? (status == VideoTaskStatus.Completed ? 100 : known.Progress),
            VideoUrl = snapshot.VideoUrl ?? known.VideoUrl,
            VideoUrlExpiresAt = snapshot.VideoUrl is null ? known.VideoUrlExpiresAt : snapshot.VideoUrlExpiresAt,
            FileId = snapshot.FileId ?? known.FileId,
            VideoWidth = snapshot.Width ?? known.VideoWidth,
            VideoHeight = snapshot.Height ?? known.VideoHeight,
            ErrorCode = snapshot.ErrorCode,
            ErrorMessage = snapshot.ErrorMessage,
        };
    }
}
