using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hailuo.Jobs.Hangfire.Tests.Support;

/// <summary>
/// The simulator's own record of the callbacks it sent: it is the simulator's HTTP client (SimulatorOptions.CallbackClient),
/// so every challenge and notification is logged with the receiver's answer (or why none came) as the simulator saw it.
/// </summary>
internal sealed class CallbackLog : DelegatingHandler
{
    private readonly ConcurrentQueue<CallbackAttempt> _attempts = new();

    public CallbackLog()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Every callback POST sent so far, in the order they ended.</summary>
    public IReadOnlyList<CallbackAttempt> Attempts => [.. _attempts];

    /// <summary>The attempts to the callback URL of job <paramref name="key"/>.</summary>
    public IReadOnlyList<CallbackAttempt> For(string key) => [.. _attempts.Where(a => a.Key == key)];

    /// <summary>Waits (bounded) until <paramref name="done"/> holds for the attempts; reads no ledger, so it works while the ledger is held.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<CallbackAttempt>, bool> done, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (!done(Attempts))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"After {deadline}, the simulator's callbacks: {string.Join("; ", Attempts)}");
            }

            // A condition on the simulator's sends, checked five times a second within the deadline above.
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var key = KeyOf(request.RequestUri);
        var challenge = body.Contains("\"challenge\"", StringComparison.Ordinal);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _attempts.Enqueue(new CallbackAttempt(key, challenge, (int)response.StatusCode, null, Stopwatch.GetElapsedTime(started), DateTime.UtcNow));
            return response;
        }
        catch (Exception e)
        {
            _attempts.Enqueue(new CallbackAttempt(key, challenge, 0, e.GetType().Name, Stopwatch.GetElapsedTime(started), DateTime.UtcNow));
            throw;
        }
    }

    private static string? KeyOf(Uri? url)
    {
        var path = url?.AbsolutePath ?? string.Empty;
        var at = path.IndexOf(CallbackPath.Prefix, StringComparison.Ordinal);
        return at < 0 ? null : CallbackPath.KeyOf(path[(at + CallbackPath.Prefix.Length)..].Split('/')[0]);
    }
}

/// <summary>One callback POST: to which job, a challenge or a notification, the receiver's status (0: none) or the failure, how long it took.</summary>
internal sealed record CallbackAttempt(string? Key, bool Challenge, int Status, string? Failure, TimeSpan Took, DateTime EndedAt)
{
    public override string ToString() =>
        $"{(Challenge ? "challenge" : "notification")} → {(Failure ?? Status.ToString(System.Globalization.CultureInfo.InvariantCulture))} in {Took.TotalMilliseconds:0} ms at {EndedAt:HH:mm:ss.fff}";
}
