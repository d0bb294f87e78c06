using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hailuo.MockServer.Wire;

/// <summary>MiniMax: POST /v1/video_generation, GET /v1/query/video_generation, GET /v1/files/retrieve.</summary>
internal static class MiniMaxEndpoints
{
    public static void MapMiniMax(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(RouteInfo.MiniMaxSubmit, (HttpContext context, SimulatorState state) => Submission.HandleAsync(context, WireDialect.MiniMax, state));

        routes.MapGet(RouteInfo.MiniMaxQuery, (string? task_id, HttpContext context, SimulatorState state) =>
        {
            if (string.IsNullOrEmpty(task_id))
            {
                return ErrorAnswer.Invalid(WireDialect.MiniMax, new[] { new FieldProblem("task_id", "HAILUO_TASK_ID", "'task_id' is required: /v1/query/video_generation?task_id=...") });
            }

            var task = Find(state, context, task_id);
            return task is null
                ? ErrorAnswer.NotFound(WireDialect.MiniMax, $"Task '{task_id}' was not found for this API key.")
                : Results.Json(StatusBody.MiniMax(task, state.Now), WireJson.Options);
        });

        routes.MapGet(RouteInfo.MiniMaxFileRetrieve, (string? file_id, HttpContext context, SimulatorState state) =>
        {
            if (string.IsNullOrEmpty(file_id))
            {
                return ErrorAnswer.Invalid(WireDialect.MiniMax, new[] { new FieldProblem("file_id", "HAILUO_FILE_ID", "'file_id' is required: /v1/files/retrieve?file_id=...") });
            }

            // A file exists only once its task has completed.
            var now = state.Now;
            var task = state.Tasks.FindByFileId(file_id);
            if (task is null || task.Owner != context.Owner() || task.PhaseAt(now) != TaskPhase.Completed)
            {
                return ErrorAnswer.NotFound(WireDialect.MiniMax, $"File '{file_id}' was not found for this API key.");
            }

            if (!task.IsFileKeptAt(now))
            {
                return ErrorAnswer.NotFound(
                    WireDialect.MiniMax,
                    $"File '{file_id}' was deleted at {task.FileExpiresAt:yyyy-MM-ddTHH:mm:ssZ}: files are kept for {state.Options.FileRetention} after their task completed.");
            }

            var file = new MiniMaxFile(
                long.Parse(task.FileId, System.Globalization.CultureInfo.InvariantCulture),
                state.Videos.For(task).LongLength,
                task.FinishedAt.ToUnixTimeSeconds(),
                "output.mp4",
                "video_generation",
                StatusBody.DownloadUrl(task, now, context.Request.BaseUrl(), state.Signer));
            return Results.Json(new MiniMaxFileAnswer(file, BaseResp.Success), WireJson.Options);
        });
    }

    private static TaskRecord? Find(SimulatorState state, HttpContext context, string taskId)
    {
        var task = state.Tasks.Find(taskId);
        return task is not null && task.Dialect == WireDialect.MiniMax && task.Owner == context.Owner() ? task : null;
    }
}
