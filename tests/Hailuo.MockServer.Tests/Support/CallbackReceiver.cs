using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Hailuo.MockServer.Tests.Support;

/// <summary>
/// An in-memory callback receiver for <see cref="SimulatorOptions.CallbackClient"/>: echoes the challenge (or not),
/// records every POST, and lets a test wait for the n-th one without sleeping.
/// </summary>
public sealed class CallbackReceiver : HttpMessageHandler
{
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _waiters = new();

    /// <summary>What to answer to a challenge; by default its exact echo.</summary>
    public Func<string, CancellationToken, Task<HttpResponseMessage>> AnswerChallenge { get; set; } =
        (challenge, _) => Task.FromResult(Json(new { challenge }));

    public IReadOnlyList<JsonElement> Received => _received.ToArray();

    /// <summary>The notifications (every POST but the challenge).</summary>
    public IReadOnlyList<JsonElement> Notifications => _received.Where(r => !r.TryGetProperty("challenge", out _)).ToArray();

    public HttpClient CreateClient() => new(this, disposeHandler: false);

    /// <summary>Completes once <paramref name="count"/> POSTs have arrived; fails the test after 10 s of no progress.</summary>
    public Task WhenReceived(int count)
    {
        var waiter = _waiters.GetOrAdd(count, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_received.Count >= count)
        {
            waiter.TrySetResult();
        }

        return waiter.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = await request.Content!.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(text);
        var body = document.RootElement.Clone();
        _received.Enqueue(body);
        foreach (var (count, waiter) in _waiters)
        {
            if (_received.Count >= count)
            {
                waiter.TrySetResult();
            }
        }

        return body.TryGetProperty("challenge", out var challenge)
            ? await AnswerChallenge(challenge.GetString()!, cancellationToken)
            : new HttpResponseMessage(HttpStatusCode.OK);
    }

    public static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
    };
}
