using System.Text.Json.Serialization;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>What a hand-written caller would declare: the submit answer and the status fields it reads.</summary>
internal sealed class RawSubmitAnswer
{
    [JsonPropertyName("code")]
    public int Code { get; set; }

    [JsonPropertyName("data")]
    public List<RawSubmitted>? Data { get; set; }
}

/// <summary>One submitted task.</summary>
internal sealed class RawSubmitted
{
    [JsonPropertyName("task_id")]
    public string? TaskId { get; set; }
}

/// <summary>The status answer.</summary>
internal sealed class RawStatusAnswer
{
    [JsonPropertyName("code")]
    public int Code { get; set; }

    [JsonPropertyName("data")]
    public RawStatus? Data { get; set; }
}

/// <summary>The task's status and video.</summary>
internal sealed class RawStatus
{
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("result")]
    public RawResult? Result { get; set; }
}

/// <summary>The finished output.</summary>
internal sealed class RawResult
{
    [JsonPropertyName("videos")]
    public List<RawVideo>? Videos { get; set; }
}

/// <summary>One video.</summary>
internal sealed class RawVideo
{
    [JsonPropertyName("url")]
    public List<string>? Url { get; set; }
}

/// <summary>Source-generated, as the client's own context is, so the comparison is fair.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VideoGenerationRequest))]
[JsonSerializable(typeof(RawSubmitAnswer))]
[JsonSerializable(typeof(RawStatusAnswer))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
