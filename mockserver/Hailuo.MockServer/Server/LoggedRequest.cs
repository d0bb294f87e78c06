using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using WireMock;
using WireMock.Models.Mime;
using WireMock.Types;
using WireMock.Util;

namespace Hailuo.MockServer.Server;

/// <summary>
/// A request as WireMock.Net's request log keeps it: the Authorization credentials masked as the journal masks keys,
/// and the body cut to a few kilobytes with a note saying so, so the log neither leaks keys nor holds megabytes of images.
/// </summary>
internal sealed class LoggedRequest : IRequestMessage
{
    private readonly IRequestMessage _inner;

    private LoggedRequest(IRequestMessage inner, int bodyLimit)
    {
        _inner = inner;
        Headers = inner.Headers?.ToDictionary(
            h => h.Key,
            h => IsSecret(h.Key) ? new WireMockList<string>(h.Value.Select(Mask)) : h.Value,
            StringComparer.OrdinalIgnoreCase);
        var key = Headers is null ? null : inner.Headers!.Where(h => IsSecret(h.Key)).SelectMany(h => h.Value).Select(Credentials).FirstOrDefault(c => c.Length > 0);
        Body = Cut(Scrub(inner.Body, key), bodyLimit);
        BodyData = Body is null ? null : new BodyData { DetectedBodyType = BodyType.String, BodyAsString = Body, Encoding = Encoding.UTF8 };
    }

    public string ClientIP => _inner.ClientIP;

    public string Url => _inner.Url;

    public string AbsoluteUrl => _inner.AbsoluteUrl;

    public string? ProxyUrl
    {
        get => _inner.ProxyUrl;
        set => _inner.ProxyUrl = value;
    }

    public DateTime DateTime => _inner.DateTime;

    public string Path => _inner.Path;

    public string AbsolutePath => _inner.AbsolutePath;

    public string[] PathSegments => _inner.PathSegments;

    public string[] AbsolutePathSegments => _inner.AbsolutePathSegments;

    public string Method => _inner.Method;

    public string HttpVersion => _inner.HttpVersion;

    public IDictionary<string, WireMockList<string>>? Headers { get; }

    public IDictionary<string, string>? Cookies => _inner.Cookies;

    public IDictionary<string, WireMockList<string>>? Query => _inner.Query;

    public IDictionary<string, WireMockList<string>>? QueryIgnoreCase => _inner.QueryIgnoreCase;

    public string RawQuery => _inner.RawQuery;

    public IBodyData? BodyData { get; }

    public string? Body { get; }

    public object? BodyAsJson => null;

    public byte[]? BodyAsBytes => null;

    public IMimeMessageData? BodyAsMimeMessage => null;

    public string? DetectedBodyType => BodyData?.DetectedBodyType?.ToString();

    public string? DetectedBodyTypeFromContentType => _inner.DetectedBodyTypeFromContentType;

    public string? DetectedCompression => _inner.DetectedCompression;

    public string Host => _inner.Host;

    public string Protocol => _inner.Protocol;

    public int Port => _inner.Port;

    public string Origin => _inner.Origin;

    public X509Certificate2? ClientCertificate => _inner.ClientCertificate;

    /// <summary>The request as the log may keep it; a request already masked is returned as it is.</summary>
    public static IRequestMessage For(IRequestMessage request, int bodyLimit) =>
        request as LoggedRequest ?? new LoggedRequest(request, bodyLimit);

    public WireMockList<string>? GetParameter(string key, bool ignoreCase = false) => _inner.GetParameter(key, ignoreCase);

    private static bool IsSecret(string header) =>
        string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase) || string.Equals(header, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Bearer sk-..." becomes "Bearer ***": the scheme stays readable, the credentials go.</summary>
    private static string Mask(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? "***" : value[..(space + 1)] + "***";
    }

    private static string Credentials(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? value.Trim() : value[(space + 1)..].Trim();
    }

    private static string? Scrub(string? body, string? key) =>
        body is null || key is null || key.Length == 0 ? body : body.Replace(key, "***", StringComparison.Ordinal);

    private static string? Cut(string? body, int limit) =>
        body is null || body.Length <= limit
            ? body
            : body[..limit] + string.Format(CultureInfo.InvariantCulture, "...(cut by the simulator's request log: {0:N0} characters in all, the first {1:N0} kept)", body.Length, limit);
}
