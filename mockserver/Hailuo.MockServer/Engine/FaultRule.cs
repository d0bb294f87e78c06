namespace Hailuo.MockServer;

/// <summary>Which requests a fault rule applies to.</summary>
public enum SimulatorEndpoint
{
    /// <summary>Submitting a task: APIMart POST /v1/videos/generations, MiniMax POST /v1/video_generation.</summary>
    Submit,

    /// <summary>Querying a task: APIMart GET /v1/tasks/{task_id}, MiniMax GET /v1/query/video_generation.</summary>
    Status,

    /// <summary>MiniMax GET /v1/files/retrieve.</summary>
    FileRetrieve,

    /// <summary>Downloading the MP4: GET /files/{file_id}.mp4.</summary>
    Download,

    /// <summary>Any of the above.</summary>
    Any,
}

/// <summary>What a scripted fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Answer HTTP 500 without handling the request.</summary>
    Status500,

    /// <summary>Answer HTTP 502 without handling the request.</summary>
    Status502,

    /// <summary>Answer HTTP 503 (with Retry-After: 1) without handling the request.</summary>
    Status503,

    /// <summary>Reset the connection without handling the request.</summary>
    ConnectionReset,

    /// <summary>Never answer: hold the request until the client gives up or the simulator stops.</summary>
    Stall,

    /// <summary>Handle the request fully (a submit creates and charges the task), then reset the connection before the answer.</summary>
    SubmitThenFail,

    /// <summary>
    /// Handle the request fully (a submit creates and charges the task, and its callbacks are sent), then hold the answer
    /// until the client gives up: the answer comes too late, as behind a gateway whose upstream is slow.
    /// </summary>
    SubmitThenAnswerLate,

    /// <summary>Handle the request fully (a submit creates and charges the task, and its callbacks are sent), then answer 504 as a gateway that timed out.</summary>
    SubmitThenGateway504,
}

/// <summary>Makes the next <paramref name="Count"/> requests to <paramref name="Endpoint"/> fail as <paramref name="Kind"/> says.</summary>
/// <param name="Endpoint">Which requests the rule applies to.</param>
/// <param name="Kind">What happens to them.</param>
/// <param name="Count">How many requests it applies to before it is used up.</param>
public sealed record FaultRule(SimulatorEndpoint Endpoint, FaultKind Kind, int Count);
