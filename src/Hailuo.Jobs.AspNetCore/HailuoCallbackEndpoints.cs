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
    /// Maps POST /hailuo/callbacks/{job}/{secret}: answers the challenge handshake for known jobs, and hands the task id
    /// of a notification to the job whose submit answer was lost. A job key without its secret (wrong, missing, from
    /// another job) gets the same 404 as an unknown job; duplicates and replays change nothing. Every
    /// <see cref="HailuoJobRunner"/> in the container is served (one per provider), each for its own provider's jobs.
    /// </summary>
    public static IEndpointConventionBuilder MapHailuoCallbacks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost("/" + CallbackPath.Prefix + "{job}/{secret}", ReceiveAsync);
    }

    private static async Task<IResult> ReceiveAsync(string job, string secret, HttpContext context, CancellationToken cancellationToken)
    {
        // The body first, while its sender still waits: once the provider gives up on a slow answer (3 s) the server can
        // no longer read it, and a notification is not sent again. At most 64 KB, whoever the sender.
        var body = await ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);

        // From here on nothing is cancelled when the provider stops waiting: what reached us is recorded all the same.
        var key = CallbackPath.KeyOf(job);
        var (runner, record) = key is null ? default : await FindAsync(context.RequestServices, key, CancellationToken.None).ConfigureAwait(false);

        // Compared even for an unknown job, so the answer's timing does not tell known keys from unknown ones.
        if (!CallbackPath.Matches(record?.CallbackUrl, secret) || runner is null || record is null)
        {
            return Results.NotFound();
        }

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
            // Proof the provider has the submit, kept even when the echo comes too late and no notification follows.
            await runner.Steps.RecordChallengeAsync(record.Key, CancellationToken.None).ConfigureAwait(false);
            return Results.Text(answer, "application/json");
        }

        // Adopted only by a job still missing its task id: a duplicate or a replay of another task is ignored.
        await runner.AdoptTaskAsync(record.Key, receipt.TaskId!, CancellationToken.None).ConfigureAwait(false);
        return Results.Ok();
    }

    /// <summary>The runner of the job's provider, and the job; an application may run one runner per provider.</summary>
    private static async Task<(HailuoJobRunner? Runner, JobRecord? Job)> FindAsync(IServiceProvider services, string key, CancellationToken cancellationToken)
    {
        foreach (var runner in services.GetServices<HailuoJobRunner>().Distinct())
        {
            if (await runner.Store.FindAsync(key, cancellationToken).ConfigureAwait(false) is { } job
                && string.Equals(job.Provider, runner.Client.Provider.Name, StringComparison.Ordinal))
            {
                return (runner, job);
            }
        }

        return default;
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
