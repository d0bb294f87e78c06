using System.Text;
using System.Text.RegularExpressions;
using Hailuo.MockServer.Simulation;
using Microsoft.AspNetCore.Http;

namespace Hailuo.MockServer.Wire;

/// <summary>
/// Gives every answer an X-Request-Id and records every API request (not the admin API) with its answer status and
/// that id; keys are blanked, data URLs shortened.
/// </summary>
internal sealed partial class JournalMiddleware(RequestDelegate next, SimulatorState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var arrived = state.Now;
        var requestId = state.RequestIds.Next(arrived);

        // Set before anything else runs, so error answers, faults and downloads carry it too.
        context.Response.Headers[RequestIds.Header] = requestId;
        if (context.Request.Path.StartsWithSegments(RouteInfo.AdminPrefix, StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        context.SetBody(body);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var key = context.Request.BearerKey();
            var answered = context.Fault() is FaultKind.ConnectionReset or FaultKind.Stall or FaultKind.SubmitThenFail ? 0 : context.Response.StatusCode;
            state.Journal.Add(new JournalEntry(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                Scrub(context.Request.QueryString.Value ?? string.Empty, key),
                answered,
                Shorten(Scrub(body, key)),
                arrived,
                RouteInfo.Classify(context.Request.Path)?.Endpoint,
                context.Fault(),
                requestId));
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return string.Empty;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    private static string Scrub(string text, string? key) =>
        key is null || text.Length == 0 ? text : text.Replace(key, "***", StringComparison.Ordinal);

    private static string Shorten(string body) =>
        body.Length < 256 ? body : DataUrlPayload().Replace(body, m => m.Groups[1].Value + "...(" + m.Groups[2].Length + " base64 characters)");

    [GeneratedRegex("(data:[a-zA-Z0-9/+.-]+;base64,)([A-Za-z0-9+/=]{64,})")]
    private static partial Regex DataUrlPayload();
}
