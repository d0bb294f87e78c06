namespace Hailuo.MockServer.Wire;

/// <summary>MiniMax's status block, present in every answer.</summary>
internal sealed record BaseResp(int StatusCode, string StatusMsg)
{
    public static BaseResp Success { get; } = new(0, "success");
}

/// <summary>The submit answer.</summary>
internal sealed record MiniMaxSubmitted(string TaskId, BaseResp BaseResp);

/// <summary>The query answer; file_id and the video size only once the task succeeded.</summary>
internal sealed record MiniMaxQuery(string TaskId, string Status, string? FileId, int? VideoWidth, int? VideoHeight, BaseResp BaseResp);

/// <summary>A file object of /v1/files/retrieve (file_id is a number there, as MiniMax's file API writes it).</summary>
internal sealed record MiniMaxFile(long FileId, long Bytes, long CreatedAt, string Filename, string Purpose, string DownloadUrl);

/// <summary>The file-retrieve answer.</summary>
internal sealed record MiniMaxFileAnswer(MiniMaxFile File, BaseResp BaseResp);

/// <summary>An error answer: base_resp, plus the failing fields for validation errors.</summary>
internal sealed record MiniMaxError(BaseResp BaseResp, IReadOnlyList<FieldProblem>? Details);
