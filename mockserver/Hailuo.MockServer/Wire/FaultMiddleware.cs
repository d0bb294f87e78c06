using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;
using Microsoft.AspNetCore.Http;

namespace Hailuo.MockServer.Wire;

/// <summary>Applies the next scripted fault for the request's endpoint, before or (SubmitThenFail) after handling it.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, SimulatorState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var route = RouteInfo.Classify(context.Request.Path);
        var fault = route is { } r ? state.Faults.Take(r.Endpoint) : null;
        if (fault is not { } kind)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.SetFault(kind);
        var dialect = route!.Value.Dialect ?? WireDialect.ApiMart;
        switch (kind)
        {
            case FaultKind.Status500:
                await ServerError(dialect, StatusCodes.Status500InternalServerError, "Simulated fault: internal server error.").ExecuteAsync(context).ConfigureAwait(false);
                break;
            case FaultKind.Status502:
                await ServerError(dialect, StatusCodes.Status502BadGateway, "Simulated fault: bad gateway.").ExecuteAsync(context).ConfigureAwait(false);
                break;
            case FaultKind.Status503:
                await ErrorAnswer.Create(dialect, StatusCodes.Status503ServiceUnavailable, MiniMaxCodes.ServiceError, "server_error", "Simulated fault: service unavailable.", retryAfter: TimeSpan.FromSeconds(1))
                    .ExecuteAsync(context).ConfigureAwait(false);
                break;
            case FaultKind.ConnectionReset:
                context.Abort();
                break;
            case FaultKind.Stall:
                await StallAsync(context, route.Value.Endpoint).ConfigureAwait(false);
                break;
            case FaultKind.SubmitThenFail:
                await HandleThenResetAsync(context).ConfigureAwait(false);
                break;
        }
    }

    private static IResult ServerError(WireDialect dialect, int status, string message) =>
        ErrorAnswer.Create(dialect, status, MiniMaxCodes.ServiceError, "server_error", message);

    private async Task StallAsync(HttpContext context, SimulatorEndpoint endpoint)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping);
        using var stalled = state.Stalls.Hold(endpoint);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the simulator is stopping: either way the request gets no answer.
        }

        context.Abort();
    }

    private async Task HandleThenResetAsync(HttpContext context)
    {
        // The answer goes to a buffer nobody reads: the work is done, the client never learns of it.
        var original = context.Response.Body;
        using var discard = new MemoryStream();
        context.Response.Body = discard;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
            context.Abort();
        }
    }
}
