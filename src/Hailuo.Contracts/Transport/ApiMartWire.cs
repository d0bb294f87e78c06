using System.Text.Json;

namespace Hailuo.Contracts.Transport;

/// <summary>How APIMart's answers read: every answer carries "code", errors an "error" object or a "message".</summary>
internal static class ApiMartWire
{
    public static ProviderError? ReadError(int httpStatus, ApiMartAnswer? answer)
    {
        var okCode = answer?.Code is null or "200" or "0";

        // APIMart's top-level code repeats the HTTP status, so an error inside an HTTP 200 still names its status.
        int? named = !okCode && int.TryParse(answer!.Code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 400 and < 600 ? n : null;
        if (answer?.Error is { } error)
        {
            // error.code or error.type says what went wrong.
            return new ProviderError(error.Code ?? error.Type ?? answer.Code, error.Message ?? answer.Message, error.Type, error.Details, named);
        }

        if (!okCode)
        {
            return new ProviderError(answer!.Code, answer.Message, null, null, named);
        }

        return httpStatus is >= 200 and < 300 ? null : new ProviderError(null, answer?.Message, null, null);
    }

    public static string? ReadTaskId(ApiMartSubmitAnswer answer) =>
        answer.Data?.FirstOrDefault(d => !string.IsNullOrEmpty(d.TaskId))?.TaskId;

    public static TaskSnapshot? ReadStatus(ApiMartTaskAnswer? answer)
    {
        var data = answer?.Data;
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
    public static T? TryRead<T>(ReadOnlySpan<byte> body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (body.IsEmpty)
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

    public static T? TryRead<T>(string? body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class =>
        string.IsNullOrEmpty(body) ? null : TryRead(System.Text.Encoding.UTF8.GetBytes(body), type);
}
