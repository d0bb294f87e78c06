using System.Net;
using System.Text;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>
/// Answers APIMart's submit and status calls from fixed bytes, in process: what is measured is the client's own work
/// (validation, serialization, pipeline, parsing), not a network or a server.
/// </summary>
internal sealed class CannedApiMart : HttpMessageHandler
{
    public const string TaskId = "task_01K8SGYNNNVBQTXNR4MM964S7K";

    private static readonly byte[] Submitted = Encoding.UTF8.GetBytes(
        """{"code":200,"data":[{"status":"submitted","task_id":"task_01K8SGYNNNVBQTXNR4MM964S7K"}]}""");

    private static readonly byte[] Completed = Encoding.UTF8.GetBytes(
        """{"code":200,"data":{"id":"task_01K8SGYNNNVBQTXNR4MM964S7K","status":"completed","progress":100,"result":{"videos":[{"url":["https://cdn.example.com/task_01K8SGYNNNVBQTXNR4MM964S7K.mp4?expires=1767312000&sig=ab12"],"expires_at":1767312000}]},"created":1767225600,"completed":1767225604,"estimated_time":4,"actual_time":4}}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // Drain the body as a socket handler would.
            await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        var body = request.Method == HttpMethod.Post ? Submitted : Completed;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
