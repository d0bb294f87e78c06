using Hailuo.MockServer.Simulation;

namespace Hailuo.MockServer.WireMock;

/// <summary>What goes wrong in a scenario before its lifecycle runs.</summary>
internal enum ScenarioFault
{
    None,
    RateLimitedSubmit,
    ServerErrorPoll,
}

/// <summary>One scenario of the export: its name within a dialect, the prompt word that picks it, and its fault.</summary>
internal sealed record ScenarioDefinition(string Suffix, string? Marker, ScenarioFault Fault)
{
    /// <summary>The plain lifecycle, the simulator's two failure markers, and the two faults WireMock plays by state.</summary>
    public static IReadOnlyList<ScenarioDefinition> All { get; } = new ScenarioDefinition[]
    {
        new("lifecycle", null, ScenarioFault.None),
        new("failed", PromptMarkers.Failure, ScenarioFault.None),
        new("content-policy", PromptMarkers.ContentPolicy, ScenarioFault.None),
        new("rate-limited", WireMockPromptMarkers.RateLimit, ScenarioFault.RateLimitedSubmit),
        new("server-error", WireMockPromptMarkers.ServerError, ScenarioFault.ServerErrorPoll),
    };
}

/// <summary>The simulator's answers for one scenario's task, in the order a client meets them.</summary>
internal sealed class ScenarioRecording(DialectWire wire, ScenarioDefinition definition)
{
    public DialectWire Wire { get; } = wire;

    public ScenarioDefinition Definition { get; } = definition;

    public string Name => Wire.Prefix + "-" + Definition.Suffix;

    public string Prompt => "A cute cat running on the grass" + (Definition.Marker is null ? string.Empty : " " + Definition.Marker);

    public RecordedAnswer? RateLimited { get; set; }

    public RecordedAnswer Submit { get; set; } = null!;

    public string TaskId { get; set; } = string.Empty;

    public RecordedAnswer? ServerError { get; set; }

    /// <summary>Status answers at each phase: submitted, queued, processing, then completed or failed.</summary>
    public List<RecordedAnswer> Polls { get; } = new();

    public bool Completed { get; set; }

    /// <summary>For a completed task: what it answers once completed, past the URL lifetime, and past the file retention.</summary>
    public List<VideoState> Video { get; } = new();
}

/// <summary>
/// A completed task at one moment of its video's life: its status, its file object (MiniMax), and the answer to every
/// download URL handed out so far (each query signs a fresh one while the file is kept).
/// </summary>
internal sealed record VideoState(string State, RecordedAnswer Poll, RecordedAnswer? File, IReadOnlyList<KeyValuePair<Uri, RecordedAnswer>> Downloads);

/// <summary>Answers that belong to no task: a missing key, an unknown task or file, per dialect.</summary>
internal sealed class DialectRecording(DialectWire wire)
{
    public DialectWire Wire { get; } = wire;

    public RecordedAnswer UnauthorizedSubmit { get; set; } = null!;

    public RecordedAnswer UnauthorizedStatus { get; set; } = null!;

    public RecordedAnswer? UnauthorizedFile { get; set; }

    public RecordedAnswer UnknownTask { get; set; } = null!;

    public RecordedAnswer? UnknownFile { get; set; }
}

/// <summary>Everything recorded for one export.</summary>
internal sealed record ExportRecording(IReadOnlyList<ScenarioRecording> Scenarios, IReadOnlyList<DialectRecording> Dialects, RecordedAnswer BadSignature);
