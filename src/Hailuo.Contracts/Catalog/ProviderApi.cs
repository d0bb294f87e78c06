using System.ComponentModel;
using Hailuo.Contracts.Transport;
using Refit;

namespace Hailuo.Contracts;

/// <summary>
/// How a <see cref="HailuoClient"/> reaches a provider. The generator emits one subclass per provider beside its Refit
/// interface; the client calls it directly, on its own HttpClient (docs/REFIT.md). Derive from
/// <see cref="ApiMartApi"/> or <see cref="MiniMaxApi"/>, never from this class.
/// </summary>
public abstract class ProviderApi
{
    private protected ProviderApi()
    {
    }

    /// <summary>The generated Refit interface, such as <c>IApiMartVideoApi</c>.</summary>
    public abstract Type InterfaceType { get; }

    /// <summary>Refit settings the generated adapters build requests with: the client's JSON.</summary>
    protected static RefitSettings Settings { get; } = HailuoRefit.CreateSettings();

    /// <summary>The absolute address of a relative path under the base, keeping the base's own path as Refit's default resolution does.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static Uri Under(Uri baseAddress, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var basePath = baseAddress.AbsolutePath == "/" ? string.Empty : baseAddress.AbsolutePath.TrimEnd('/');
        return new Uri(baseAddress, basePath + relativePath);
    }

    /// <inheritdoc/>
    public override string ToString() => InterfaceType.Name;

    internal abstract ValueTask<WireResponse> SubmitAsync(HttpClient client, Uri baseAddress, VideoGenerationRequest request, string apiKey, TimeProvider clock, CancellationToken cancellationToken);

    internal abstract ValueTask<WireResponse> GetTaskAsync(HttpClient client, Uri baseAddress, string taskId, string apiKey, TimeProvider clock, CancellationToken cancellationToken);

    internal abstract ValueTask<WireResponse> RetrieveFileAsync(HttpClient client, Uri baseAddress, string fileId, string apiKey, TimeProvider clock, CancellationToken cancellationToken);
}

/// <summary>An apimart-dialect provider: the generated subclass builds the requests, this class sends them and reads the answers.</summary>
public abstract class ApiMartApi : ProviderApi
{
    /// <summary>Builds the submit, as the provider's Refit implementation does.</summary>
    protected abstract HttpRequestMessage SubmitRequest(HttpClient client, Uri baseAddress, VideoGenerationRequest request, string apiKey, CancellationToken cancellationToken);

    /// <summary>Builds the status read, as the provider's Refit implementation does.</summary>
    protected abstract HttpRequestMessage GetTaskRequest(HttpClient client, Uri baseAddress, string taskId, string apiKey, CancellationToken cancellationToken);

    internal sealed override ValueTask<WireResponse> SubmitAsync(HttpClient client, Uri baseAddress, VideoGenerationRequest request, string apiKey, TimeProvider clock, CancellationToken cancellationToken) =>
        WireAnswers.SendAsync(client, SubmitRequest(client, baseAddress, request, apiKey, cancellationToken), HailuoJsonContext.Default.ApiMartSubmitAnswer, clock, ApiMartWire.ReadError, static b => new WireFacts(TaskId: ApiMartWire.ReadTaskId(b)), null, cancellationToken);

    internal sealed override ValueTask<WireResponse> GetTaskAsync(HttpClient client, Uri baseAddress, string taskId, string apiKey, TimeProvider clock, CancellationToken cancellationToken) =>
        WireAnswers.SendAsync(client, GetTaskRequest(client, baseAddress, taskId, apiKey, cancellationToken), HailuoJsonContext.Default.ApiMartTaskAnswer, clock, ApiMartWire.ReadError, static b => new WireFacts(Snapshot: ApiMartWire.ReadStatus(b)), null, cancellationToken);

    internal sealed override ValueTask<WireResponse> RetrieveFileAsync(HttpClient client, Uri baseAddress, string fileId, string apiKey, TimeProvider clock, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The apimart dialect has no file-retrieve endpoint: its status answer carries the video URL.");
}

/// <summary>A minimax-dialect provider: the generated subclass builds the requests, this class sends them and reads the answers (errors inside HTTP 200, Trace-Id).</summary>
public abstract class MiniMaxApi : ProviderApi
{
    /// <summary>Builds the submit, as the provider's Refit implementation does.</summary>
    protected abstract HttpRequestMessage SubmitRequest(HttpClient client, Uri baseAddress, VideoGenerationRequest request, string apiKey, CancellationToken cancellationToken);

    /// <summary>Builds the status query, as the provider's Refit implementation does.</summary>
    protected abstract HttpRequestMessage GetTaskRequest(HttpClient client, Uri baseAddress, string taskId, string apiKey, CancellationToken cancellationToken);

    /// <summary>Builds the file retrieve, as the provider's Refit implementation does.</summary>
    protected abstract HttpRequestMessage RetrieveFileRequest(HttpClient client, Uri baseAddress, string fileId, string apiKey, CancellationToken cancellationToken);

    internal sealed override ValueTask<WireResponse> SubmitAsync(HttpClient client, Uri baseAddress, VideoGenerationRequest request, string apiKey, TimeProvider clock, CancellationToken cancellationToken) =>
        WireAnswers.SendAsync(client, SubmitRequest(client, baseAddress, request, apiKey, cancellationToken), HailuoJsonContext.Default.MiniMaxAnswer, clock, MiniMaxWire.ReadError, static b => new WireFacts(TaskId: MiniMaxWire.ReadTaskId(b)), MiniMaxWire.TraceIdHeader, cancellationToken);

    internal sealed override ValueTask<WireResponse> GetTaskAsync(HttpClient client, Uri baseAddress, string taskId, string apiKey, TimeProvider clock, CancellationToken cancellationToken) =>
        WireAnswers.SendAsync(client, GetTaskRequest(client, baseAddress, taskId, apiKey, cancellationToken), HailuoJsonContext.Default.MiniMaxAnswer, clock, MiniMaxWire.ReadReadError, static b => new WireFacts(Snapshot: MiniMaxWire.ReadStatus(b)), MiniMaxWire.TraceIdHeader, cancellationToken);

    internal sealed override ValueTask<WireResponse> RetrieveFileAsync(HttpClient client, Uri baseAddress, string fileId, string apiKey, TimeProvider clock, CancellationToken cancellationToken) =>
        WireAnswers.SendAsync(client, RetrieveFileRequest(client, baseAddress, fileId, apiKey, cancellationToken), HailuoJsonContext.Default.MiniMaxAnswer, clock, MiniMaxWire.ReadReadError, static b => new WireFacts(DownloadUrl: MiniMaxWire.ReadDownloadUrl(b)), MiniMaxWire.TraceIdHeader, cancellationToken);
}
