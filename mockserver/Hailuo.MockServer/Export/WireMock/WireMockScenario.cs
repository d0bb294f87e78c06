using Hailuo.Contracts;

namespace Hailuo.MockServer.WireMock;

/// <summary>
/// One exported WireMock scenario: a submit whose prompt carries <paramref name="PromptMarker"/> (none: the plain
/// lifecycle) starts it, and each matching request moves it one state on.
/// </summary>
/// <param name="Name">The WireMock scenario name, such as <c>apimart-lifecycle</c>.</param>
/// <param name="Dialect">The wire dialect its requests use.</param>
/// <param name="PromptMarker">The word in the prompt that picks this scenario at submit, or null for the plain lifecycle.</param>
/// <param name="TaskId">The task id its submit answers with.</param>
/// <param name="States">Its states in order, from WireMock's <c>Started</c>; <see cref="WireMockScenarioStates.Expired"/> and <see cref="WireMockScenarioStates.Deleted"/> are reached only by setting them.</param>
public sealed record WireMockScenario(string Name, WireDialect Dialect, string? PromptMarker, string TaskId, IReadOnlyList<string> States)
{
    /// <summary>Whether the task completes with a video (and so has download stubs and an expired state).</summary>
    public bool HasVideo => States.Contains(WireMockScenarioStates.Completed);
}

/// <summary>The scenario states the exported mappings use.</summary>
public static class WireMockScenarioStates
{
    /// <summary>WireMock's initial state of every scenario.</summary>
    public const string Started = "Started";

    /// <summary>The first submit was refused with 429; the next one is accepted.</summary>
    public const string RateLimited = "RateLimited";

    /// <summary>Submitted; the next poll fails with HTTP 500.</summary>
    public const string ServerError = "ServerError";

    /// <summary>Submitted; the next poll answers "submitted" (MiniMax: Preparing).</summary>
    public const string Submitted = "Submitted";

    /// <summary>The next poll answers "queued" (Queueing).</summary>
    public const string Queued = "Queued";

    /// <summary>The next poll answers "processing" (Processing).</summary>
    public const string Processing = "Processing";

    /// <summary>Every poll answers "completed" (Success) and the download URL serves the MP4.</summary>
    public const string Completed = "Completed";

    /// <summary>Every poll answers "failed" (Fail).</summary>
    public const string Failed = "Failed";

    /// <summary>Past the URL lifetime: the first download URL answers 403, a new query hands out a fresh one that works. Set it with <c>PUT /__admin/scenarios/{name}/state</c>.</summary>
    public const string Expired = "Expired";

    /// <summary>Past the file retention: every URL answers 403 and no fresh one is handed out (MiniMax: the file is 404). Set it like <see cref="Expired"/>.</summary>
    public const string Deleted = "Deleted";
}

/// <summary>Prompt words that pick the export's fault scenarios; the simulator itself ignores them.</summary>
public static class WireMockPromptMarkers
{
    /// <summary>The first submit is answered 429 with Retry-After, the retry is accepted.</summary>
    public const string RateLimit = "#wiremock-rate-limit";

    /// <summary>The first poll is answered 500, the following ones go through the lifecycle.</summary>
    public const string ServerError = "#wiremock-server-error";
}
