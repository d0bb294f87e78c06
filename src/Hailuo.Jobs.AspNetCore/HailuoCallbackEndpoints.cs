using System.Text.Json;
using Hailuo.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hailuo.Jobs;

/// <summary>The callback receiver: <c>app.MapHailuoCallbacks()</c> beside <c>AddHailuoJobs(o => o.Jobs.CallbackBaseAddress = ...)</c>.</summary>
public static class HailuoCallbackEndpoints
{
    // Status bodies are small; anything larger is not a provider's callback.
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Maps POST /hailuo/callbacks/{job}: answers the challenge handshake for known jobs, and hands the task id of a
    /// notification to the job whose submit answer was lost. Unknown jobs get 404; duplicates and replays change nothing.
    /// </summary>
    public static IEndpointConventionBuilder MapHailuoCallbacks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost("/" + CallbackPath.Prefix + "{job}", ReceiveAsync);
    }

    private static async Task<IResult> ReceiveAsync(string job, HttpContext context, CancellationToken cancellationToken)
    {
        var runner = context.RequestServices.GetRequiredService<HailuoJobRunner>();
        var key = CallbackPath.KeyOf(job);
        if (key is null || await runner.Store.FindAsync(key, cancellationToken).ConfigureAwait(false) is null)
        {
            return Results.NotFound();
        }

        var body = await ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        CallbackReceipt receipt;
        try
        {
            receipt = runner.Client.ReceiveCallback(body);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return Results.BadRequest();
        }

        if (receipt.ChallengeResponse is { } answer)
        {
            return Results.Text(answer, "application/json");
        }

        // Adopted only by a job still missing its task id: a duplicate or a replay of another task is ignored.
        await runner.AdoptTaskAsync(key, receipt.TaskId!, cancellationToken).ConfigureAwait(false);
        return Results.Ok();
    }

    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
