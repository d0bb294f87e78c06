using System.Text.Json.Serialization;

namespace Hailuo.Contracts.Transport;

/// <summary>The submit answer: {"code": 200, "data": [{"status": "submitted", "task_id": "task_…"}]} (seed 003).</summary>
internal sealed class ApiMartSubmitAnswer
{
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("data")]
    public List<ApiMartSubmitted>? Data { get; set; }
}

/// <summary>One entry of the submit answer.</summary>
internal sealed class ApiMartSubmitted
{
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("task_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? TaskId { get; set; }
}

/// <summary>The task-status answer: {"code": 200, "data": {...}} as docs.apimart.ai documents it.</summary>
internal sealed class ApiMartTaskAnswer
{
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("data")]
    public ApiMartTaskData? Data { get; set; }
}

/// <summary>The task; "id" per the status page, "task_id" as the submit answer writes it.</summary>
internal sealed class ApiMartTaskData
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("task_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? TaskId { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("progress")]
    public double? Progress { get; set; }

    [JsonPropertyName("result")]
    public ApiMartResult? Result { get; set; }

    [JsonPropertyName("video_url")]
    public string? VideoUrl { get; set; }

    [JsonPropertyName("error")]
    public ApiMartErrorDetail? Error { get; set; }

    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; set; }
}

/// <summary>The finished output: "videos" for a video task, "images" in the documented image example.</summary>
internal sealed class ApiMartResult
{
    [JsonPropertyName("videos")]
    public List<ApiMartMedia>? Videos { get; set; }

    [JsonPropertyName("images")]
    public List<ApiMartMedia>? Images { get; set; }

    [JsonPropertyName("video_url")]
    public string? VideoUrl { get; set; }
}

/// <summary>One output file: its URL (a list in the docs, one string elsewhere) and expiry in Unix seconds.</summary>
internal sealed class ApiMartMedia
{
    [JsonPropertyName("url")]
    [JsonConverter(typeof(StringOrListConverter))]
    public IReadOnlyList<string>? Url { get; set; }

    [JsonPropertyName("expires_at")]
    public long? ExpiresAt { get; set; }
}

/// <summary>Any APIMart answer read for its error: {"code": 4xx, "error": {...}} or {"code": 4xx, "message": "..."}.</summary>
internal sealed class ApiMartErrorAnswer
{
    [JsonPropertyName("code")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("error")]
    public ApiMartErrorDetail? Error { get; set; }
}

/// <summary>The OpenAI-style error object.</summary>
internal sealed class ApiMartErrorDetail
{
    [JsonPropertyName("code")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("details")]
    public List<WireFieldProblem>? Details { get; set; }
}

/// <summary>One failing field of a 400 answer.</summary>
internal sealed class WireFieldProblem
{
    [JsonPropertyName("field")]
    public string? Field { get; set; }

    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
