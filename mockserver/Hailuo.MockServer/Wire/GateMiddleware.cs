using System.Security.Cryptography;
using System.Text;
using Hailuo.MockServer.Simulation;
using Microsoft.AspNetCore.Http;

namespace Hailuo.MockServer.Wire;

/// <summary>Bearer key check (401) and the per-key rate limit (429 with Retry-After) in front of the API endpoints.</summary>
internal sealed class GateMiddleware(RequestDelegate next, SimulatorState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (RouteInfo.Classify(context.Request.Path) is not { Dialect: { } dialect })
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var key = context.Request.BearerKey();
        if (key is null || (state.Options.AcceptedKeys.Count > 0 && !state.Options.AcceptedKeys.Contains(key, StringComparer.Ordinal)))
        {
            // The message never repeats the key: answers end up in logs.
            var message = key is null
                ? "Missing API key: send the header 'Authorization: Bearer <key>'."
                : "The API key is not accepted by this simulator (see Simulator:AcceptedKeys).";
            await ErrorAnswer.Create(dialect, StatusCodes.Status401Unauthorized, MiniMaxCodes.Unauthorized, "authentication_error", message)
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var owner = Owner(key);
        context.SetOwner(owner);
        if (state.Limiter.TryAcquire(owner, state.Now) is { } wait)
        {
            var message = $"Rate limit: at most {state.Options.RequestsPerMinute} requests per minute for each key; retry after {ErrorAnswer.Seconds(wait)} s.";
            await ErrorAnswer.Create(dialect, StatusCodes.Status429TooManyRequests, MiniMaxCodes.RateLimit, "rate_limit_error", message, retryAfter: wait)
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static string Owner(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8);
}
