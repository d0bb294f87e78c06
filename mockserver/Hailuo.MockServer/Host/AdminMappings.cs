using System.Globalization;
using System.Text.Json;
using Hailuo.MockServer.Simulation;
using Hailuo.MockServer.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Hailuo.MockServer.Server;

/// <summary>
/// The simulator's own admin operations under /__admin/hailuo/ (beside WireMock.Net's /__admin/mappings, /requests,
/// /scenarios): the same operations as <see cref="SimulatorAdmin"/>, for any language.
/// </summary>
internal static class AdminMappings
{
    public const string Prefix = "/__admin/hailuo";

    /// <summary>Adds every admin operation to the simulator's one mapping, behind the admin credentials when they are set.</summary>
    public static void Serve(SimulatorMapping mapping, SimulatorState state, SimulatorAdmin admin)
    {
        foreach (var (method, path, answer) in Operations(state, admin))
        {
            mapping.Serve(Prefix + path, null, method, null, request => ValueTask.FromResult(
                (AdminAuthentication.Refusal(request, state.Options) ?? answer(request)).With(RequestIds.Header, state.RequestIds.Next(state.Now))));
        }
    }

    private static IEnumerable<(string Method, string Path, Func<global::WireMock.IRequestMessage, WireAnswer> Answer)> Operations(SimulatorState state, SimulatorAdmin admin)
    {
        yield return ("GET", "/journal", _ => WireAnswer.Json(admin.Journal));
        yield return ("GET", "/tasks", _ => WireAnswer.Json(admin.Tasks));
        yield return ("GET", "/faults", _ => WireAnswer.Json(admin.PendingFaults));
        yield return ("DELETE", "/faults", _ => ClearFaults(admin));
        yield return ("POST", "/faults", request => AddFault(request.Body, admin));
        yield return ("GET", "/clock", _ => WireAnswer.Json(new { now = state.Now, manual = state.Clock is FakeTimeProvider }));
        yield return ("GET", "/account", _ => WireAnswer.Json(new { balance = admin.Balance }));
        yield return ("GET", "/log", _ => WireAnswer.Json(new { capacity = state.Options.RequestLogCapacity, dropped = admin.DroppedLogEntries }));
        yield return ("POST", "/reset", _ => Reset(admin));
        yield return ("POST", "/advance", request => Advance(request.Query?.TryGetValue("by", out var by) == true ? by.FirstOrDefault() : null, state));
    }

    /// <summary>The longest single advance: far beyond any retention, and far from the calendar's end.</summary>
    internal static readonly TimeSpan LongestAdvance = TimeSpan.FromDays(36_500);

    /// <summary>"00:05:00", "90" (seconds), "90s", "5m", "24h", "1d"; null when unreadable, negative or over <see cref="LongestAdvance"/>.</summary>
    internal static TimeSpan? ParseSpan(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed >= TimeSpan.Zero && parsed <= LongestAdvance ? parsed : null;
        }

        var unit = char.IsLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 's';
        var number = char.IsLetter(text[^1]) ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
        {
            return null;
        }

        var seconds = unit switch
        {
            's' => value,
            'm' => value * 60,
            'h' => value * 3600,
            'd' => value * 86_400,
            _ => double.NaN,
        };

        // Compared in seconds first: TimeSpan.FromSeconds(1e308) would throw instead of answering.
        return double.IsFinite(seconds) && seconds <= LongestAdvance.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static WireAnswer ClearFaults(SimulatorAdmin admin)
    {
        admin.ClearFaults();
        return WireAnswer.Empty(204);
    }

    private static WireAnswer Reset(SimulatorAdmin admin)
    {
        admin.Reset();

        // Give the freed tasks and images back to the system, so a long-running server's memory comes down after a reset.
        MemoryRelease.Collect();
        return WireAnswer.Empty(204);
    }

    private static WireAnswer AddFault(string? body, SimulatorAdmin admin)
    {
        FaultRule? rule;
        try
        {
            rule = JsonSerializer.Deserialize<FaultRule>(body ?? string.Empty, WireJson.Options);
        }
        catch (JsonException)
        {
            return Problem($"The fault rule could not be read; send {{\"endpoint\":\"Submit\",\"kind\":\"Status503\",\"count\":1}} (endpoints: {string.Join(", ", Enum.GetNames<SimulatorEndpoint>())}; kinds: {string.Join(", ", Enum.GetNames<FaultKind>())}).");
        }

        try
        {
            admin.ScriptFault(rule!);
        }
        catch (Exception ex) when (ex is ArgumentException or NullReferenceException)
        {
            return Problem($"The fault rule is not valid: {ex.Message} Endpoints: {string.Join(", ", Enum.GetNames<SimulatorEndpoint>())}; kinds: {string.Join(", ", Enum.GetNames<FaultKind>())}; count at least 1.");
        }

        return WireAnswer.Json(admin.PendingFaults);
    }

    private static WireAnswer Advance(string? by, SimulatorState state)
    {
        if (state.Clock is not FakeTimeProvider clock)
        {
            return WireAnswer.Json(new { error = "The clock is the system clock; start with --Simulator:Clock=Manual to advance it." }, 409);
        }

        if (ParseSpan(by) is not { } span)
        {
            return Problem($"'by' is '{by}'; use a time span such as 00:05:00, 90s, 5m, 24h or 1d, from 0 to {LongestAdvance.TotalDays:0} days.");
        }

        if (clock.GetUtcNow() > DateTimeOffset.MaxValue - span)
        {
            return Problem($"'by' is '{by}': the clock is at {clock.GetUtcNow():yyyy-MM-dd} and cannot move past the calendar's end.");
        }

        clock.Advance(span);
        return WireAnswer.Json(new { now = clock.GetUtcNow() });
    }

    private static WireAnswer Problem(string message) => WireAnswer.Json(new { error = message }, 400);
}
