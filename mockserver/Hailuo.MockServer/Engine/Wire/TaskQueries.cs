using System.Globalization;
using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;
using Hailuo.MockServer.Video;

namespace Hailuo.MockServer.Wire;

/// <summary>The read side of both dialects: task status, MiniMax's file retrieve, and the signed MP4 download.</summary>
internal static class TaskQueries
{
    // ?language=zh|en|ko|ja is accepted and ignored on APIMart: every message is English.
    public static WireAnswer Status(WireExchange exchange, SimulatorState state)
    {
        var dialect = exchange.Dialect;
        var taskId = exchange.Request.Value("task_id");
        if (taskId is null)
        {
            return ErrorAnswer.Invalid(dialect, new[] { new FieldProblem("task_id", "HAILUO_TASK_ID", $"'task_id' is required: {SimulatorState.Dialect(dialect).Status}.") });
        }

        var task = state.Tasks.Find(taskId);

        // The task's own id string (the same text): the journal then keeps no copy of it per poll.
        exchange.TaskId = task?.Id ?? taskId;
        if (task is null || task.Dialect != dialect || task.Owner != exchange.Owner)
        {
            return ErrorAnswer.NotFound(dialect, $"Task '{taskId}' was not found for this API key.");
        }

        return WireAnswer.Utf8Json(StatusBytes.For(task, state.Now, exchange.Request.BaseUrl, state.Signer, state.Options.ApiMartStatusWords));
    }

    public static WireAnswer FileRetrieve(WireExchange exchange, SimulatorState state)
    {
        var dialect = exchange.Dialect;
        var fileId = exchange.Request.Value("file_id");
        if (fileId is null)
        {
            return ErrorAnswer.Invalid(dialect, new[] { new FieldProblem("file_id", "HAILUO_FILE_ID", $"'file_id' is required: {SimulatorState.Dialect(dialect).FileRetrieve}.") });
        }

        // A file exists only once its task has completed.
        var now = state.Now;
        var task = state.Tasks.FindByFileId(fileId);
        exchange.TaskId = task?.Id;
        if (task is null || task.Owner != exchange.Owner || task.PhaseAt(now) != TaskPhase.Completed)
        {
            return ErrorAnswer.NotFound(dialect, $"File '{fileId}' was not found for this API key.");
        }

        if (!task.IsFileKeptAt(now))
        {
            return ErrorAnswer.NotFound(
                dialect,
                $"File '{fileId}' was deleted at {task.FileExpiresAt:yyyy-MM-ddTHH:mm:ssZ}: files are kept for {state.Options.FileRetention} after their task completed.");
        }

        var file = new MiniMaxFile(
            long.Parse(task.FileId, CultureInfo.InvariantCulture),
            state.Videos.For(task).LongLength,
            task.FinishedAt.ToUnixTimeSeconds(),
            "output.mp4",
            "video_generation",
            StatusBody.DownloadUrl(task, now, exchange.Request.BaseUrl, state.Signer));
        return WireAnswer.Json(new MiniMaxFileAnswer(file, BaseResp.Success));
    }

    /// <summary>GET /files/{file_id}.mp4?expires=..&amp;sig=..: the MP4 while the signed URL lives, 403 after.</summary>
    public static WireAnswer Download(WireExchange exchange, SimulatorState state)
    {
        var request = exchange.Request;
        var fileId = request.Value("file_id") ?? string.Empty;
        var expires = request.Value("expires");
        if (!state.Signer.IsGenuine(fileId, expires, request.Value("sig")))
        {
            return Forbidden("The download URL's signature does not match: use the URL exactly as the task status gave it.");
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(expires!, CultureInfo.InvariantCulture));
        if (state.Now >= expiresAt)
        {
            return Forbidden($"The download URL expired at {expiresAt:yyyy-MM-ddTHH:mm:ssZ}; query the task or file again for a fresh one (URLs live {state.Options.UrlLifetime}, files are kept {state.Options.FileRetention}).");
        }

        var task = state.Tasks.FindByFileId(fileId);
        exchange.TaskId = task?.Id;
        return task is null
            ? WireAnswer.Json(new { error = new { code = "not_found", message = $"File '{fileId}' no longer exists." } }, 404)
            : WireAnswer.File(state.Videos.For(task), Mp4Video.ContentType, request.Range);
    }

    private static WireAnswer Forbidden(string message) =>
        WireAnswer.Json(new { error = new { code = "access_denied", message } }, 403);
}
