using System.Runtime.ExceptionServices;
using Hailuo.Contracts.Resilience;
using Refit;

namespace Hailuo.Contracts.Transport;

/// <summary>The three API calls of a dialect, made through a provider's generated Refit interface and read into <see cref="WireResponse"/>.</summary>
internal interface IDialectCalls
{
    Task<WireResponse> SubmitAsync(VideoGenerationRequest request, string apiKey, CancellationToken cancellationToken);

    Task<WireResponse> GetTaskAsync(string taskId, string apiKey, CancellationToken cancellationToken);

    Task<WireResponse> RetrieveFileAsync(string fileId, string apiKey, CancellationToken cancellationToken);
}

/// <summary>Reads a Refit <see cref="ApiResponse{T}"/>: the typed body on success, the raw error body otherwise.</summary>
internal static class ApiResponses
{
    public static WireResponse Read<T>(ApiResponse<T> response, TimeProvider clock, Func<int, T?, ProviderError?> readError, Func<WireResponse, T, WireResponse>? fill, string? traceIdHeader = null)
        where T : class
    {
        // A broken connection while the body was read surfaces as Refit's deserialization error: it is a network failure.
        if (response.Error?.InnerException is { } inner && RetryDecisions.IsTransientException(inner))
        {
            ExceptionDispatchInfo.Capture(inner).Throw();
        }

        var status = response.StatusCode is { } code ? (int)code : 0;
        var body = response.IsSuccessStatusCode && response.Content is { } typed
            ? typed
            : JsonBody.TryRead((response.Error as ApiException)?.Content, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)HailuoJsonContext.Default.GetTypeInfo(typeof(T))!);
        var headers = response.Headers;
        var answer = new WireResponse(
            status,
            headers is null ? null : RetryAfterHeader.Read(headers, clock),
            headers is null ? null : RequestIds.Read(headers),
            readError(status, body))
        {
            TraceId = headers is not null && traceIdHeader is not null && headers.TryGetValues(traceIdHeader, out var traces) ? traces.FirstOrDefault() : null,
        };
        return body is not null && fill is not null ? fill(answer, body) : answer;
    }
}

/// <summary>APIMart's calls on a generated interface.</summary>
internal sealed class ApiMartCalls<TApi>(
    TApi api,
    TimeProvider clock,
    Func<TApi, VideoGenerationRequest, string, CancellationToken, Task<ApiResponse<ApiMartSubmitAnswer>>> submit,
    Func<TApi, string, string, CancellationToken, Task<ApiResponse<ApiMartTaskAnswer>>> getTask) : IDialectCalls
{
    public async Task<WireResponse> SubmitAsync(VideoGenerationRequest request, string apiKey, CancellationToken cancellationToken)
    {
        using var response = await submit(api, request, apiKey, cancellationToken).ConfigureAwait(false);
        return ApiResponses.Read(response, clock, ApiMartWire.ReadError, static (r, b) => r with { TaskId = ApiMartWire.ReadTaskId(b) });
    }

    public async Task<WireResponse> GetTaskAsync(string taskId, string apiKey, CancellationToken cancellationToken)
    {
        using var response = await getTask(api, taskId, apiKey, cancellationToken).ConfigureAwait(false);
        return ApiResponses.Read(response, clock, ApiMartWire.ReadError, static (r, b) => r with { Snapshot = ApiMartWire.ReadStatus(b) });
    }

    public Task<WireResponse> RetrieveFileAsync(string fileId, string apiKey, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The apimart dialect has no file-retrieve endpoint: its status answer carries the video URL.");
}

/// <summary>MiniMax's calls on a generated interface.</summary>
internal sealed class MiniMaxCalls<TApi>(
    TApi api,
    TimeProvider clock,
    Func<TApi, VideoGenerationRequest, string, CancellationToken, Task<ApiResponse<MiniMaxAnswer>>> submit,
    Func<TApi, string, string, CancellationToken, Task<ApiResponse<MiniMaxAnswer>>> getTask,
    Func<TApi, string, string, CancellationToken, Task<ApiResponse<MiniMaxAnswer>>> retrieveFile) : IDialectCalls
{
    public async Task<WireResponse> SubmitAsync(VideoGenerationRequest request, string apiKey, CancellationToken cancellationToken)
    {
        using var response = await submit(api, request, apiKey, cancellationToken).ConfigureAwait(false);
        return ApiResponses.Read(response, clock, MiniMaxWire.ReadError, static (r, b) => r with { TaskId = MiniMaxWire.ReadTaskId(b) }, MiniMaxWire.TraceIdHeader);
    }

    public async Task<WireResponse> GetTaskAsync(string taskId, string apiKey, CancellationToken cancellationToken)
    {
        using var response = await getTask(api, taskId, apiKey, cancellationToken).ConfigureAwait(false);
        return ApiResponses.Read(response, clock, MiniMaxWire.ReadReadError, static (r, b) => r with { Snapshot = MiniMaxWire.ReadStatus(b) }, MiniMaxWire.TraceIdHeader);
    }

    public async Task<WireResponse> RetrieveFileAsync(string fileId, string apiKey, CancellationToken cancellationToken)
    {
        using var response = await retrieveFile(api, fileId, apiKey, cancellationToken).ConfigureAwait(false);
        return ApiResponses.Read(response, clock, MiniMaxWire.ReadReadError, static (r, b) => r with { DownloadUrl = MiniMaxWire.ReadDownloadUrl(b) }, MiniMaxWire.TraceIdHeader);
    }
}
