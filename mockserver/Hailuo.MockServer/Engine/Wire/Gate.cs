using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;

namespace Hailuo.MockServer.Wire;

/// <summary>Bearer key check (401) and the per-key rate limit (429 with Retry-After) in front of the API endpoints.</summary>
internal static class Gate
{
    /// <summary>Null when the request may go on (its owner is then set); otherwise the refusal.</summary>
    public static WireAnswer? Check(WireExchange exchange, SimulatorState state)
    {
        var dialect = exchange.Dialect;
        var key = exchange.Request.BearerKey();
        if (key is null || (state.Options.AcceptedKeys.Count > 0 && !state.Options.AcceptedKeys.Contains(key, StringComparer.Ordinal)))
        {
            // The message never repeats the key: answers end up in logs.
            var message = key is null
                ? "Missing API key: send the header 'Authorization: Bearer <key>'."
                : "The API key is not accepted by this simulator (see Simulator:AcceptedKeys).";
            return ErrorAnswer.Create(dialect, 401, ErrorMeanings.Authentication, "authentication_error", message);
        }

        exchange.Owner = state.Owners.For(key);
        if (state.Limiter.TryAcquire(exchange.Owner, state.Now) is { } wait)
        {
            var message = $"Rate limit: at most {state.Options.RequestsPerMinute} requests per minute for each key; retry after {ErrorAnswer.Seconds(wait)} s.";
            return ErrorAnswer.Create(dialect, 429, ErrorMeanings.RateLimited, "rate_limit_error", message, retryAfter: wait);
        }

        return null;
    }
}
