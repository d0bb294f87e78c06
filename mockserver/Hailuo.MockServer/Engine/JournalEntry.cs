namespace Hailuo.MockServer;

/// <summary>One request the simulator received, with secrets removed.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path, such as "/v1/tasks/task_01...".</param>
/// <param name="Query">Query string including '?', or empty.</param>
/// <param name="Status">HTTP status answered; 0 when the connection was reset or the request stalled.</param>
/// <param name="Body">Request body as text; API keys are replaced by "***" and data URL payloads are shortened.</param>
/// <param name="Time">When the request arrived, on the simulator's clock.</param>
/// <param name="Endpoint">Which endpoint it was, or null for an unknown path.</param>
/// <param name="Fault">The scripted fault applied to it, if any.</param>
/// <param name="RequestId">The X-Request-Id the answer carried (also kept for a request that got no answer).</param>
/// <param name="TaskId">The task the request created or asked about, when it named or made one.</param>
public sealed record JournalEntry(
    string Method,
    string Path,
    string Query,
    int Status,
    string Body,
    DateTimeOffset Time,
    SimulatorEndpoint? Endpoint,
    FaultKind? Fault,
    string? RequestId = null,
    string? TaskId = null);
