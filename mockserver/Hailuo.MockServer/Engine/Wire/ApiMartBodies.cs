namespace Hailuo.MockServer.Wire;

/// <summary>APIMart wraps every answer in {"code": ..., "data": ...}.</summary>
internal sealed record ApiMartEnvelope<T>(int Code, T Data);

/// <summary>One entry of the submit answer's data array.</summary>
internal sealed record ApiMartSubmitted(string Status, string TaskId);

/// <summary>The task-status data, shaped after docs.apimart.ai/en/api-reference/tasks/status (see docs/SIMULATOR.md).</summary>
internal sealed record ApiMartTaskData(
    string Id,
    string Status,
    int Progress,
    ApiMartResult? Result,
    long Created,
    long? Completed,
    int EstimatedTime,
    int? ActualTime,
    ApiMartTaskError? Error,
    string? ErrorMessage);

/// <summary>The finished video: a list of URLs and when they expire (Unix seconds), as the documented image result.</summary>
internal sealed record ApiMartResult(IReadOnlyList<ApiMartVideo> Videos);

/// <summary>One video of the result.</summary>
internal sealed record ApiMartVideo(IReadOnlyList<string> Url, long ExpiresAt);

/// <summary>Why a task failed.</summary>
internal sealed record ApiMartTaskError(string Code, string Message);

/// <summary>An error answer: {"code": http status, "error": {...}}.</summary>
internal sealed record ApiMartError(int Code, ApiMartErrorDetail Error);

/// <summary>OpenAI-style error object, which APIMart's clients read as error.message.</summary>
internal sealed record ApiMartErrorDetail(string Message, string Type, string? Param, string? Code, IReadOnlyList<FieldProblem>? Details);

/// <summary>One validation failure: the wire field, the stable code, and the message naming value and allowed values.</summary>
internal sealed record FieldProblem(string Field, string Code, string Message);
