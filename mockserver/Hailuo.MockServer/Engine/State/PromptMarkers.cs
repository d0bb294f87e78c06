namespace Hailuo.MockServer.Simulation;

/// <summary>Words in a prompt that choose how a simulated task ends. No square brackets: those are camera commands.</summary>
internal static class PromptMarkers
{
    /// <summary>The task fails as sensitive content (MiniMax 1026).</summary>
    public const string ContentPolicy = "#sim-content-policy";

    /// <summary>The task fails with a generic error.</summary>
    public const string Failure = "#sim-fail";

    public static TaskOutcome OutcomeOf(string? prompt) =>
        prompt is null ? TaskOutcome.Success
        : prompt.Contains(ContentPolicy, StringComparison.OrdinalIgnoreCase) ? TaskOutcome.ContentPolicy
        : prompt.Contains(Failure, StringComparison.OrdinalIgnoreCase) ? TaskOutcome.Failure
        : TaskOutcome.Success;
}
