using System.Text.Json.Serialization;

namespace Hailuo.Contracts.Transport;

/// <summary>MiniMax's status block, in every answer; errors travel here even on HTTP 200.</summary>
public sealed class MiniMaxBaseResp
{
    /// <summary>The status code: 0 on success.</summary>
    [JsonPropertyName("status_code")]
    public int StatusCode { get; set; }

    /// <summary>The status message.</summary>
    [JsonPropertyName("status_msg")]
    public string? StatusMsg { get; set; }
}

/// <summary>Every MiniMax answer in one shape: submit, query, file retrieve and errors share base_resp.</summary>
public sealed class MiniMaxAnswer
{
    /// <summary>The task id.</summary>
    [JsonPropertyName("task_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? TaskId { get; set; }

    /// <summary>The status word of a query answer.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The file id of a finished task.</summary>
    [JsonPropertyName("file_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? FileId { get; set; }

    /// <summary>The video width in pixels.</summary>
    [JsonPropertyName("video_width")]
    public int? VideoWidth { get; set; }

    /// <summary>The video height in pixels.</summary>
    [JsonPropertyName("video_height")]
    public int? VideoHeight { get; set; }

    /// <summary>The file of a file-retrieve answer.</summary>
    [JsonPropertyName("file")]
    public MiniMaxFile? File { get; set; }

    /// <summary>The status block.</summary>
    [JsonPropertyName("base_resp")]
    public MiniMaxBaseResp? BaseResp { get; set; }

    /// <summary>The failing fields of a validation error.</summary>
    [JsonPropertyName("details")]
    public List<WireFieldProblem>? Details { get; set; }
}

/// <summary>The file object of the file-retrieve answer (file_id is a number there).</summary>
public sealed class MiniMaxFile
{
    /// <summary>The file id of a finished task.</summary>
    [JsonPropertyName("file_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? FileId { get; set; }

    /// <summary>The file size.</summary>
    [JsonPropertyName("bytes")]
    public long? Bytes { get; set; }

    /// <summary>The signed download URL.</summary>
    [JsonPropertyName("download_url")]
    public string? DownloadUrl { get; set; }
}
