using System.Text.Json.Serialization;

namespace Hailuo.Contracts.Transport;

/// <summary>MiniMax's status block, in every answer; errors travel here even on HTTP 200.</summary>
internal sealed class MiniMaxBaseResp
{
    [JsonPropertyName("status_code")]
    public int StatusCode { get; set; }

    [JsonPropertyName("status_msg")]
    public string? StatusMsg { get; set; }
}

/// <summary>Every MiniMax answer in one shape: submit, query, file retrieve and errors share base_resp.</summary>
internal sealed class MiniMaxAnswer
{
    [JsonPropertyName("task_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? TaskId { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("file_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? FileId { get; set; }

    [JsonPropertyName("video_width")]
    public int? VideoWidth { get; set; }

    [JsonPropertyName("video_height")]
    public int? VideoHeight { get; set; }

    [JsonPropertyName("file")]
    public MiniMaxFile? File { get; set; }

    [JsonPropertyName("base_resp")]
    public MiniMaxBaseResp? BaseResp { get; set; }

    [JsonPropertyName("details")]
    public List<WireFieldProblem>? Details { get; set; }
}

/// <summary>The file object of /v1/files/retrieve (file_id is a number there).</summary>
internal sealed class MiniMaxFile
{
    [JsonPropertyName("file_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? FileId { get; set; }

    [JsonPropertyName("bytes")]
    public long? Bytes { get; set; }

    [JsonPropertyName("download_url")]
    public string? DownloadUrl { get; set; }
}
