using System.Text.Json.Serialization;

namespace Hailuo.Contracts.Transport;

/// <summary>What every APIMart answer may carry besides its data: "code", and on errors "message" or an OpenAI-style "error".</summary>
public class ApiMartAnswer
{
    /// <summary>The answer's code: 200 on success, the HTTP status or a worded code on errors.</summary>
    [JsonPropertyName("code")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Code { get; set; }

    /// <summary>The error message of a short error answer.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>The error object of an OpenAI-style error answer.</summary>
    [JsonPropertyName("error")]
    public ApiMartErrorDetail? Error { get; set; }
}

/// <summary>The submit answer: {"code": 200, "data": [{"status": "submitted", "task_id": "task_…"}]} (seed 003).</summary>
public sealed class ApiMartSubmitAnswer : ApiMartAnswer
{
    /// <summary>The created tasks (one per submit).</summary>
    [JsonPropertyName("data")]
    public List<ApiMartSubmitted>? Data { get; set; }
}

/// <summary>One entry of the submit answer.</summary>
public sealed class ApiMartSubmitted
{
    /// <summary>The new task's status word.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The new task's id.</summary>
    [JsonPropertyName("task_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? TaskId { get; set; }
}

/// <summary>The task-status answer: {"code": 200, "data": {...}} as docs.apimart.ai documents it.</summary>
public sealed class ApiMartTaskAnswer : ApiMartAnswer
{
    /// <summary>The task.</summary>
    [JsonPropertyName("data")]
    public ApiMartTaskData? Data { get; set; }
}

/// <summary>The task; "id" per the status page, "task_id" as the submit answer writes it.</summary>
public sealed class ApiMartTaskData
{
    /// <summary>The task id, as the status page writes it.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    /// <summary>The task id, as the submit answer writes it.</summary>
    [JsonPropertyName("task_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? TaskId { get; set; }

    /// <summary>The status word.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Progress in percent.</summary>
    [JsonPropertyName("progress")]
    public double? Progress { get; set; }

    /// <summary>The finished output.</summary>
    [JsonPropertyName("result")]
    public ApiMartResult? Result { get; set; }

    /// <summary>The video URL, where a gateway puts it at the top.</summary>
    [JsonPropertyName("video_url")]
    public string? VideoUrl { get; set; }

    /// <summary>Why the task failed.</summary>
    [JsonPropertyName("error")]
    public ApiMartErrorDetail? Error { get; set; }

    /// <summary>Why the task failed, as one string.</summary>
    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; set; }
}

/// <summary>The finished output: "videos" for a video task, "images" in the documented image example.</summary>
public sealed class ApiMartResult
{
    /// <summary>The videos.</summary>
    [JsonPropertyName("videos")]
    public List<ApiMartMedia>? Videos { get; set; }

    /// <summary>The images.</summary>
    [JsonPropertyName("images")]
    public List<ApiMartMedia>? Images { get; set; }

    /// <summary>One video URL, where a gateway writes it so.</summary>
    [JsonPropertyName("video_url")]
    public string? VideoUrl { get; set; }
}

/// <summary>One output file: its URL (a list in the docs, one string elsewhere) and expiry in Unix seconds.</summary>
public sealed class ApiMartMedia
{
    /// <summary>The URL or URLs.</summary>
    [JsonPropertyName("url")]
    [JsonConverter(typeof(StringOrListConverter))]
    public IReadOnlyList<string>? Url { get; set; }

    /// <summary>When the URL stops working, in Unix seconds.</summary>
    [JsonPropertyName("expires_at")]
    public long? ExpiresAt { get; set; }
}

/// <summary>The OpenAI-style error object.</summary>
public sealed class ApiMartErrorDetail
{
    /// <summary>The error code.</summary>
    [JsonPropertyName("code")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Code { get; set; }

    /// <summary>The message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>The kind, such as "authentication_error".</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The failing fields of a validation error.</summary>
    [JsonPropertyName("details")]
    public List<WireFieldProblem>? Details { get; set; }
}

/// <summary>One failing field of a 400 answer.</summary>
public sealed class WireFieldProblem
{
    /// <summary>The field.</summary>
    [JsonPropertyName("field")]
    public string? Field { get; set; }

    /// <summary>The code.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    /// <summary>The message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
