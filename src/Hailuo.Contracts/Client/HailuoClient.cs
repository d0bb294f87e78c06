using Hailuo.Contracts.Client;
using Hailuo.Contracts.Download;
using Hailuo.Contracts.Resilience;
using Hailuo.Contracts.Telemetry;
using Hailuo.Contracts.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hailuo.Contracts;

/// <summary>
/// The Hailuo video API for one provider (APIMart or MiniMax): submit, wait, download. Thread-safe and meant to be
/// reused: create one per provider and key, or register it with <c>services.AddHailuoClient(...)</c>.
/// </summary>
public sealed class HailuoClient : IDisposable
{
    private readonly HttpClient? _ownedClient;
    private readonly HttpTransport _transport;
    private readonly ClientContext _context;
    private readonly TaskSubmitter _submitter;
    private readonly TaskReader _reader;
    private readonly TaskWaiter _waiter;
    private readonly VideoDownloader _downloader;
    private readonly TaskNudges _nudges = new();

    /// <summary>Creates a client with its own <see cref="HttpClient"/>.</summary>
    public HailuoClient(HailuoClientOptions options)
        : this(options, httpClient: null)
    {
    }

    /// <summary>Creates a client over the given <see cref="HttpClient"/> (not disposed by the client), or its own when null.</summary>
    public HailuoClient(HailuoClientOptions options, HttpClient? httpClient, ILogger<HailuoClient>? logger = null)
        : this(options, httpClient, null, logger, null)
    {
    }

    /// <summary>Creates a client for a provider of any generated catalog, such as <c>ContosoHailuoSpec.ContosoGateway</c> (it sets the options' ProviderInfo), over the given <see cref="HttpClient"/> or its own when null.</summary>
    public HailuoClient(ProviderInfo provider, HailuoClientOptions options, HttpClient? httpClient = null, ILogger<HailuoClient>? logger = null)
        : this(WithProvider(options, provider), httpClient, null, logger, null)
    {
    }

    /// <summary>The DI path: a fresh <see cref="HttpClient"/> from the factory for each call, so handlers rotate.</summary>
    internal HailuoClient(HailuoClientOptions options, HttpClient? httpClient, Func<HttpClient>? clients, ILogger? logger, TimeProvider? clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var provider = options.ResolveProvider();
        var apiKey = options.ResolveApiKey(provider);
        BaseAddress = options.BaseAddress ?? httpClient?.BaseAddress ?? provider.BaseUrl;
        if (httpClient is null && clients is null)
        {
            _ownedClient = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
            httpClient = _ownedClient;
        }

        var fixedClient = httpClient;
        clients ??= () => fixedClient!;
        clock ??= options.TimeProvider;
        var log = logger ?? NullLogger.Instance;
        _transport = new HttpTransport(clients, BaseAddress, apiKey, clock, provider);
        var pipelines = new HailuoPipelines(options.Retry, options.AttemptTimeout, clock, provider.Name, log);
        _context = new ClientContext(provider, _transport, pipelines, clock, options, log, Usage);
        _submitter = new TaskSubmitter(_context);
        _reader = new TaskReader(_context);
        _waiter = new TaskWaiter(_context, _reader, _nudges);
        _downloader = new VideoDownloader(_context, _reader);
    }

    /// <summary>The provider this client talks to.</summary>
    public ProviderInfo Provider => _context.Provider;

    /// <summary>Where requests go: the options' base address, the HttpClient's, or the provider's production address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Running totals of the tasks this client submitted: seconds and dollars per model and resolution.</summary>
    public UsageTotals Usage { get; } = new();

    /// <summary>What the request would cost by the spec's prices, before submitting it.</summary>
    public CostEstimate EstimateCost(VideoGenerationRequest request) => CostEstimate.For(Provider, request);

    /// <summary>
    /// Submits a request built by the typed builders. Retried only where the provider surely created nothing; otherwise
    /// a lost answer raises <see cref="HailuoSubmitOutcomeUnknownException"/>, never a second paid task.
    /// </summary>
    public Task<VideoTask> SubmitAsync(TypedVideoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Provider.Name, Provider.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The request was built for {request.Provider.Name} but this client talks to {Provider.Name}.", nameof(request));
        }

        return _submitter.SubmitAsync(request.ToRequest(), cancellationToken);
    }

    /// <summary>
    /// Submits an untyped request. The spec's validators run first: a bad request raises
    /// <see cref="HailuoValidationException"/> before any byte is sent.
    /// </summary>
    public Task<VideoTask> SubmitAsync(VideoGenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _submitter.SubmitAsync(request, cancellationToken);
    }

    /// <summary>The task's status now; a completed task carries its download URL (MiniMax: fetched from files/retrieve).</summary>
    public async Task<VideoTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        using var activity = ClientActivity.Start("hailuo.get_task", Provider.Name, taskId);
        try
        {
            var task = await _reader.PollIdAsync(taskId, cancellationToken).ConfigureAwait(false);
            return await _reader.WithVideoUrlAsync(task, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            ClientActivity.Fail(activity, e);
            throw;
        }
    }

    /// <summary>
    /// Polls until the task completes and returns it with its video URL. Raises <see cref="HailuoTaskFailedException"/>
    /// when it fails, and a <see cref="HailuoException"/> with ErrorCode <see cref="HailuoException.WaitTimedOut"/> after
    /// <see cref="HailuoClientOptions.WaitTimeout"/>.
    /// </summary>
    public Task<VideoTask> WaitForCompletionAsync(VideoTask task, IProgress<VideoTaskProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        EnsureOwnProvider(task);
        return _waiter.WaitAsync(task, pollFirst: false, progress, cancellationToken);
    }

    /// <summary>Polls until the task completes; see the other overload.</summary>
    public Task<VideoTask> WaitForCompletionAsync(VideoTask task, CancellationToken cancellationToken) =>
        WaitForCompletionAsync(task, null, cancellationToken);

    /// <summary>Resumes waiting on a task known only by its stored id, such as after a restart; polls at once.</summary>
    public Task<VideoTask> WaitForCompletionAsync(string taskId, IProgress<VideoTaskProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        return _waiter.WaitAsync(VideoTask.FromId(taskId, Provider.Name), pollFirst: true, progress, cancellationToken);
    }

    /// <summary>Resumes waiting on a stored task id; see the other overload.</summary>
    public Task<VideoTask> WaitForCompletionAsync(string taskId, CancellationToken cancellationToken) =>
        WaitForCompletionAsync(taskId, null, cancellationToken);

    /// <summary>
    /// Downloads the completed task's MP4 to a file: written to a temporary sibling and renamed into place, so the path
    /// holds the whole video or nothing new. The length is checked; an expired URL is refreshed before giving up.
    /// </summary>
    public Task<DownloadResult> DownloadAsync(VideoTask task, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        EnsureOwnProvider(task);
        return _downloader.ToFileAsync(task, path, cancellationToken);
    }

    /// <summary>Downloads the completed task's MP4 into a stream; a retry starts over only if the stream can seek.</summary>
    public Task<DownloadResult> DownloadAsync(VideoTask task, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(destination);
        EnsureOwnProvider(task);
        return _downloader.ToStreamAsync(task, destination, cancellationToken);
    }

    /// <summary>
    /// Reads a POST the provider sent to your callback_url. For the handshake, answer HTTP 200 with
    /// <see cref="CallbackReceipt.ChallengeResponse"/> within 3 s. A status notification wakes any wait on that task,
    /// which then confirms the status with its own authenticated poll: a callback carries no signature, so it is never
    /// trusted on its own. A body that is neither, or names a task id not of the provider's shape
    /// (<see cref="TaskIds"/>), raises <see cref="FormatException"/>.
    /// </summary>
    public CallbackReceipt ReceiveCallback(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        if (CallbackBodies.ReadChallenge(bytes) is { } challenge)
        {
            return new CallbackReceipt(CallbackBodies.ChallengeAnswer(challenge), null, null);
        }

        var snapshot = CallbackBodies.ReadStatus(Provider.Dialect, bytes);
        if (snapshot?.Id is not { } taskId)
        {
            throw new FormatException("The callback body is neither a challenge nor a task status of " + Provider.Name + ".");
        }

        // An id from outside goes into URLs and the ledger: anything but the dialect's shape (a path, a query) is refused.
        if (!TaskIds.IsWellFormed(Provider.Dialect, taskId))
        {
            throw new FormatException($"The callback names task id '{Shorten(taskId)}', which is not a task id of {Provider.Name}: it must be {TaskIds.Describe(Provider.Dialect)}.");
        }

        _nudges.Nudge(taskId);
        return new CallbackReceipt(null, taskId, VideoTaskStatusWords.Parse(snapshot.StatusWord));
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";

    /// <summary>Disposes the HttpClient the client made itself; a given one is left to its owner.</summary>
    public void Dispose()
    {
        _ownedClient?.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"HailuoClient for {Provider.Name} at {BaseAddress}";

    private static HailuoClientOptions WithProvider(HailuoClientOptions options, ProviderInfo provider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(provider);
        options.ProviderInfo = provider;
        options.Provider = provider.Name;
        return options;
    }

    private void EnsureOwnProvider(VideoTask task)
    {
        if (!string.Equals(task.Provider, Provider.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Task {task.Id} belongs to {task.Provider} but this client talks to {Provider.Name}.", nameof(task));
        }
    }
}
