using System.Text.Json;
using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;

namespace Hailuo.MockServer.Wire;

/// <summary>
/// A task's status answer as UTF-8 JSON, written once and reused while nothing it shows changes: a wait loop polls far
/// more often than a status moves, and the body is the same bytes StatusBody would serialize afresh.
/// </summary>
/// <param name="Key">Everything the body depends on besides the task's fixed fields.</param>
/// <param name="Json">The serialized body.</param>
internal sealed record StatusBytes(StatusBytes.Shown Key, byte[] Json)
{
    /// <summary>The body at <paramref name="at"/>, from the task's last answer when that shows the same.</summary>
    public static byte[] For(TaskRecord task, DateTimeOffset at, string baseUrl, DownloadSigner signer, ApiMartStatusWords words)
    {
        var phase = task.PhaseAt(at);
        var key = task.Dialect == WireDialect.ApiMart

            // The download URL and its expires_at move with the second it is signed at.
            ? new Shown(phase, task.ProgressAt(at), phase == TaskPhase.Completed ? task.UrlExpiryAt(at).ToUnixTimeSeconds() : 0, baseUrl, words, signer)
            : new Shown(phase, 0, 0, string.Empty, default, signer);
        if (task.LastStatus is { } last && last.Key == key)
        {
            return last.Json;
        }

        var body = StatusBody.For(task, at, baseUrl, signer, words);
        var json = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), WireJson.Options);
        task.LastStatus = new StatusBytes(key, json);
        return json;
    }

    /// <summary>What a status body shows that the clock, the caller's address or the simulator's settings can change.</summary>
    internal readonly record struct Shown(TaskPhase Phase, int Progress, long UrlExpires, string BaseUrl, ApiMartStatusWords Words, DownloadSigner Signer);
}
