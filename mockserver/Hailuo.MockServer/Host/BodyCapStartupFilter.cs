using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Hailuo.MockServer.Server;

/// <summary>
/// Answers a body over the cap with 413 before WireMock.Net reads it: WireMock.Net lifts Kestrel's limit and would buffer
/// any size, and a read past Kestrel's limit inside WireMock.Net's pipeline becomes a 500 with the exception's text.
/// </summary>
internal sealed class BodyCapStartupFilter(long maxBytes) : IStartupFilter
{
    /// <summary>Bodies from this size on (an image as a data URL) are collected after their answer.</summary>
    private const long LargeBody = 4L * 1024 * 1024;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // A request with no body to guard (every poll) goes straight on, without a state machine of its own.
        app.Use((context, nextMiddleware) => IsPlain(context.Request) ? nextMiddleware(context) : GuardAsync(context, nextMiddleware));
        next(app);
    };

    private bool IsPlain(HttpRequest request) =>
        request.ContentLength is { } length ? length < LargeBody && length <= maxBytes : !(request.Body.CanRead && HasBody(request));

    private async Task GuardAsync(HttpContext context, RequestDelegate nextMiddleware)
    {
        var request = context.Request;
        if (request.ContentLength is { } length && length > maxBytes)
        {
            await TooLargeAsync(context, length.ToString("N0", CultureInfo.InvariantCulture) + " bytes").ConfigureAwait(false);
            return;
        }

        // No length given (chunked): read it here up to the cap, so an endless body is cut off instead of buffered.
        if (request.ContentLength is null && request.Body.CanRead && HasBody(request))
        {
            var buffered = await ReadCappedAsync(request.Body, context.RequestAborted).ConfigureAwait(false);
            if (buffered is null)
            {
                await TooLargeAsync(context, "more than that").ConfigureAwait(false);
                return;
            }

            request.Body = buffered;
            request.ContentLength = buffered.Length;
        }

        await nextMiddleware(context).ConfigureAwait(false);

        // A body of megabytes leaves copies of itself (text, JSON, image) on the large-object heap: collect them now,
        // so memory stays flat across image uploads instead of growing until the GC's own budget runs out.
        if (request.ContentLength >= LargeBody)
        {
            MemoryRelease.Collect();
        }
    }

    private static bool HasBody(HttpRequest request) =>
        request.Headers.TransferEncoding.Count > 0 || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsOptions(request.Method));

    private async Task<MemoryStream?> ReadCappedAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffered = new MemoryStream();
        var chunk = new byte[81_920];
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffered.Length + read > maxBytes)
                {
                    return null;
                }

                buffered.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        buffered.Position = 0;
        return buffered;
    }

    private async Task TooLargeAsync(HttpContext context, string size)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        response.ContentType = Wire.WireAnswer.JsonType;

        // The rest of the body is never read: the connection closes after this answer.
        response.Headers.Connection = "close";
        var message = $"The request body has {size}; this simulator accepts at most {maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes ({maxBytes / (1024 * 1024)} MB: two 20 MB images as base64 data URLs).";
        await response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new { code = 413, error = new { message, type = "request_too_large" } }, Wire.WireJson.Options), context.RequestAborted).ConfigureAwait(false);
    }
}
