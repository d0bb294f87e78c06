using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Hailuo.MockServer.Simulation;

/// <summary>
/// For each task with a callback_url: POSTs {"challenge": ...} and requires the echo within CallbackTimeout, then POSTs one
/// notification at each phase change, in order, on the simulator's clock.
/// </summary>
internal sealed partial class CallbackDispatcher : IAsyncDisposable
{
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly Func<TaskRecord, DateTimeOffset, string, object> _render;
    private readonly JsonSerializerOptions _json;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private CancellationTokenSource _generation = new();

    public CallbackDispatcher(SimulatorOptions options, TimeProvider clock, Func<TaskRecord, DateTimeOffset, string, object> render, JsonSerializerOptions json, ILogger logger)
    {
        _options = options;
        _clock = clock;
        _render = render;
        _json = json;
        _logger = logger;
        _ownsClient = options.CallbackClient is null;
        _client = options.CallbackClient ?? new HttpClient();
    }

    /// <summary>
    /// Runs the challenge handshake before the submit answers, so a test that advances the clock right after submit
    /// cannot cut it short; then sends the notifications in the background as the clock reaches each phase.
    /// </summary>
    public async Task StartAsync(TaskRecord task, string baseUrl)
    {
        if (task.CallbackUrl is not { } url)
        {
            return;
        }

        var token = _generation.Token;
        task.Callback = CallbackState.Pending;
        var verified = await HandshakeAsync(url, token).ConfigureAwait(false);
        task.Callback = verified ? CallbackState.Verified : CallbackState.Rejected;
        if (!verified)
        {
            LogRejected(_logger, task.Id);
            return;
        }

        // Started inline, not on the thread pool: the first notification's timer (or its request) exists before the submit
        // answers or stalls, so a clock driver that moves during a held answer sees it and fires it first.
        _running[task.Id] = NotifyAllAsync(task, url, baseUrl, token);
    }

    /// <summary>Completes when the task's callbacks are all sent (or given up); tests wait on it instead of sleeping.</summary>
    public Task WhenFinished(string taskId) => _running.TryGetValue(taskId, out var run) ? run : Task.CompletedTask;

    public void Reset()
    {
        var old = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
        _running.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _generation.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: unfinished callbacks are dropped, as a real server would on shutdown.
        }

        _generation.Dispose();
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private async Task NotifyAllAsync(TaskRecord task, string url, string baseUrl, CancellationToken stopping)
    {
        try
        {
            foreach (var (phase, at) in task.Transitions())
            {
                var wait = at - _clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _clock, stopping).ConfigureAwait(false);
                }

                await NotifyAsync(url, _render(task, at, baseUrl), task.Id, phase, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Reset or shutdown.
        }
    }

    private async Task<bool> HandshakeAsync(string url, CancellationToken stopping)
    {
        var challenge = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        using var timeout = new CancellationTokenSource(_options.CallbackTimeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        try
        {
            using var response = await _client.PostAsJsonAsync(url, new { challenge }, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            return Echoes(text, challenge);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    // The echo may be {"challenge": "..."} or the bare value.
    private static bool Echoes(string text, string challenge)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? root.TryGetProperty("challenge", out var echoed) && echoed.ValueKind == JsonValueKind.String && echoed.GetString() == challenge
                : root.ValueKind == JsonValueKind.String && root.GetString() == challenge;
        }
        catch (JsonException)
        {
            return text.Trim() == challenge;
        }
    }

    private async Task NotifyAsync(string url, object body, string taskId, TaskPhase phase, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(_options.CallbackTimeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        try
        {
            using var content = JsonContent.Create(body, body.GetType(), options: _json);
            using var response = await _client.PostAsync(url, content, linked.Token).ConfigureAwait(false);
            LogNotified(_logger, taskId, phase, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !stopping.IsCancellationRequested)
        {
            // Notifications are not retried: one lost is what a receiver must survive (it can still poll).
            LogNotifyFailed(_logger, taskId, phase, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback receiver of task {TaskId} did not echo the challenge; no notifications will be sent")]
    private static partial void LogRejected(ILogger logger, string taskId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notified task {TaskId} {Phase}: receiver answered {Status}")]
    private static partial void LogNotified(ILogger logger, string taskId, TaskPhase phase, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification of task {TaskId} {Phase} failed: {Reason}")]
    private static partial void LogNotifyFailed(ILogger logger, string taskId, TaskPhase phase, string reason);
}
