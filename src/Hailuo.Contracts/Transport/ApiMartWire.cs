using System.Text.Json;

namespace Hailuo.Contracts.Transport;

/// <summary>APIMart: POST /v1/videos/generations, GET /v1/tasks/{task_id}; every answer carries "code".</summary>
internal sealed class ApiMartWire : IWireDialect
{
    public static ApiMartWire Instance { get; } = new();

    public string SubmitPath => "/v1/videos/generations";

    public string StatusPath(string taskId) => "/v1/tasks/" + Uri.EscapeDataString(taskId);

    public ProviderError? ReadError(int httpStatus, byte[] body)
    {
        var answer = JsonBody.TryRead(body, HailuoJsonContext.Default.ApiMartErrorAnswer);
        var okCode = answer?.Code is null or "200" or "0";
        if (answer?.Error is { } error)
        {
            // APIMart's top-level code repeats the HTTP status; error.code or error.type says what went wrong.
            return new ProviderError(error.Code ?? error.Type ?? answer.Code, error.Message ?? answer.Message, error.Type, error.Details);
        }

        if (!okCode)
        {
            return new ProviderError(answer!.Code, answer.Message, null, null);
        }

        return httpStatus is >= 200 and < 300 ? null : new ProviderError(null, answer?.Message, null, null);
    }

    public string? ReadTaskId(byte[] body) =>
        JsonBody.TryRead(body, HailuoJsonContext.Default.ApiMartSubmitAnswer)?.Data?.FirstOrDefault(d => !string.IsNullOrEmpty(d.TaskId))?.TaskId;

    public TaskSnapshot? ReadStatus(byte[] body)
    {
        var data = JsonBody.TryRead(body, HailuoJsonContext.Default.ApiMartTaskAnswer)?.Data;
        if (data?.Status is null)
        {
            return null;
        }

        var media = data.Result?.Videos?.FirstOrDefault() ?? data.Result?.Images?.FirstOrDefault();
        var url = (media?.Url is { Count: > 0 } urls ? urls[0] : null) ?? data.Result?.VideoUrl ?? data.VideoUrl;
        return new TaskSnapshot(
            Id: data.Id ?? data.TaskId,
            StatusWord: data.Status,
            Progress: data.Progress is { } p ? (int)Math.Round(p) : null,
            VideoUrl: Uri.TryCreate(url, UriKind.Absolute, out var video) ? video : null,
            VideoUrlExpiresAt: media?.ExpiresAt is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            FileId: null,
            Width: null,
            Height: null,
            ErrorCode: data.Error?.Code,
            ErrorMessage: data.ErrorMessage ?? data.Error?.Message);
    }
}

/// <summary>Reads a body leniently: an answer that is not the expected JSON reads as null, and the caller decides.</summary>
internal static class JsonBody
{
    public static T? TryRead<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
