using Microsoft.AspNetCore.Http;

namespace Hailuo.MockServer.Wire;

/// <summary>What the middleware learns about a request and hands on through HttpContext.Items.</summary>
internal static class RequestItems
{
    private const string BodyKey = "hailuo.body";
    private const string OwnerKey = "hailuo.owner";
    private const string FaultKey = "hailuo.fault";

    public static string Body(this HttpContext context) => context.Items[BodyKey] as string ?? string.Empty;

    public static void SetBody(this HttpContext context, string body) => context.Items[BodyKey] = body;

    /// <summary>A hash of the bearer key: tasks belong to it, and it is safe to keep.</summary>
    public static string Owner(this HttpContext context) => context.Items[OwnerKey] as string ?? string.Empty;

    public static void SetOwner(this HttpContext context, string owner) => context.Items[OwnerKey] = owner;

    public static FaultKind? Fault(this HttpContext context) => context.Items[FaultKey] as FaultKind?;

    public static void SetFault(this HttpContext context, FaultKind fault) => context.Items[FaultKey] = fault;

    /// <summary>The absolute base of this server as the client reached it, for download URLs.</summary>
    public static string BaseUrl(this HttpRequest request) => request.Scheme + "://" + request.Host.Value + request.PathBase.Value;

    /// <summary>The bearer key, or null when the header is missing, of another scheme, or empty.</summary>
    public static string? BearerKey(this HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header[scheme.Length..].Trim();
        return key.Length == 0 ? null : key;
    }
}
