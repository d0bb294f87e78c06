using System.Globalization;
using System.Text.Json;
using Hailuo.MockServer.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hailuo.MockServer.Wire;

/// <summary>The admin API under /__admin/, the same operations as <see cref="SimulatorAdmin"/>, for any language.</summary>
internal static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup(RouteInfo.AdminPrefix);
        admin.MapGet("/journal", (SimulatorState state) => Json(state.Journal.Entries));
        admin.MapGet("/tasks", (SimulatorState state) => Json(state.Tasks.All().Select(t => t.ToSnapshot(state.Now)).ToArray()));
        admin.MapGet("/faults", (SimulatorState state) => Json(state.Faults.Pending));
        admin.MapGet("/clock", (SimulatorState state) => Json(new { now = state.Now, manual = state.Clock is ManualTimeProvider }));
        admin.MapGet("/account", (SimulatorState state) => Json(new { balance = state.Account.Balance }));
        admin.MapPost("/reset", (SimulatorState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });
        admin.MapDelete("/faults", (SimulatorState state) =>
        {
            state.Faults.Clear();
            return Results.NoContent();
        });
        admin.MapPost("/faults", async (HttpContext context, SimulatorState state) =>
        {
            FaultRule? rule;
            try
            {
                rule = await JsonSerializer.DeserializeAsync<FaultRule>(context.Request.Body, WireJson.Options, context.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                return Problem($"The fault rule could not be read ({ex.Message}); send {{\"endpoint\":\"Submit\",\"kind\":\"Status503\",\"count\":1}}.");
            }

            try
            {
                state.Faults.Add(rule!);
            }
            catch (Exception ex) when (ex is ArgumentException or NullReferenceException)
            {
                return Problem($"The fault rule is not valid: {ex.Message} Endpoints: {string.Join(", ", Enum.GetNames<SimulatorEndpoint>())}; kinds: {string.Join(", ", Enum.GetNames<FaultKind>())}; count at least 1.");
            }

            return Json(state.Faults.Pending);
        });
        admin.MapPost("/advance", (string? by, SimulatorState state) =>
        {
            if (state.Clock is not ManualTimeProvider clock)
            {
                return Results.Json(new { error = "The clock is the system clock; start with --Simulator:Clock=Manual to advance it." }, WireJson.Options, statusCode: StatusCodes.Status409Conflict);
            }

            if (ParseSpan(by) is not { } span)
            {
                return Problem($"'by' is '{by}'; use a time span such as 00:05:00, 90s, 5m, 24h or 1d (not negative).");
            }

            clock.Advance(span);
            return Json(new { now = clock.GetUtcNow() });
        });
    }

    /// <summary>"00:05:00", "90" (seconds), "90s", "5m", "24h", "1d".</summary>
    internal static TimeSpan? ParseSpan(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed >= TimeSpan.Zero ? parsed : null;
        }

        var unit = char.IsLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 's';
        var number = char.IsLetter(text[^1]) ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return null;
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ => null,
        };
    }

    private static IResult Json(object value) => Results.Json(value, WireJson.Options);

    private static IResult Problem(string message) => Results.Json(new { error = message }, WireJson.Options, statusCode: StatusCodes.Status400BadRequest);
}
