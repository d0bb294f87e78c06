using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hailuo.MockServer.Wire;

/// <summary>APIMart: POST /v1/videos/generations and GET /v1/tasks/{task_id}.</summary>
internal static class ApiMartEndpoints
{
    public static void MapApiMart(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(RouteInfo.ApiMartSubmit, (HttpContext context, SimulatorState state) => Submission.HandleAsync(context, WireDialect.ApiMart, state));

        // ?language=zh|en|ko|ja is accepted and ignored: every message is English.
        routes.MapGet(RouteInfo.ApiMartStatusPrefix + "{task_id}", (string task_id, HttpContext context, SimulatorState state) =>
        {
            var task = state.Tasks.Find(task_id);
            if (task is null || task.Dialect != WireDialect.ApiMart || task.Owner != context.Owner())
            {
                return ErrorAnswer.NotFound(WireDialect.ApiMart, $"Task '{task_id}' was not found for this API key.");
            }

            return Results.Json(StatusBody.ApiMart(task, state.Now, context.Request.BaseUrl(), state.Signer, state.Options.ApiMartStatusWords), WireJson.Options);
        });
    }
}
