using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hailuo.Contracts.Resilience;

namespace Hailuo.Contracts.Transport;

/// <summary>Sends a request the generated adapter built and reads the answer: status, headers, and the body read leniently whatever the status.</summary>
internal static class WireAnswers
{
    public static async ValueTask<WireResponse> SendAsync<T>(
        HttpClient client,
        HttpRequestMessage request,
        JsonTypeInfo<T> type,
        TimeProvider clock,
        Func<int, T?, ProviderError?> readError,
        Func<T, WireFacts> read,
        string? traceIdHeader,
        CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        {
            // The default completion buffers the body, so a connection broken mid-body fails here, as a network error.
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var body = await ReadAsync(response.Content, type, cancellationToken).ConfigureAwait(false);
            var headers = response.Headers;
            var facts = body is null ? default : read(body);
            return new WireResponse(status, RetryAfterHeader.Read(headers, clock), RequestIds.Read(headers), readError(status, body))
            {
                TraceId = traceIdHeader is not null && headers.TryGetValues(traceIdHeader, out var traces) ? traces.FirstOrDefault() : null,
                TaskId = facts.TaskId,
                Snapshot = facts.Snapshot,
                DownloadUrl = facts.DownloadUrl,
            };
        }
    }

    /// <summary>The body as the expected JSON, or null when it is empty or not that JSON: the caller decides.</summary>
    private static async ValueTask<T?> ReadAsync<T>(HttpContent content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                // The body is buffered already (HttpClient's default completion): read it in place, or at least without an async reader.
                if (stream is MemoryStream buffered)
                {
                    if (buffered.TryGetBuffer(out var bytes))
                    {
                        var body = bytes.AsSpan((int)buffered.Position);
                        return body.IsEmpty ? null : JsonSerializer.Deserialize(body, type);
                    }

                    return buffered.Length == buffered.Position ? null : JsonSerializer.Deserialize(buffered, type);
                }

                return stream.CanSeek && stream.Length == 0 ? null : await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}

/// <summary>What one answer's typed body says, read once so the answer is built in one piece.</summary>
internal readonly record struct WireFacts(string? TaskId = null, TaskSnapshot? Snapshot = null, Uri? DownloadUrl = null);
