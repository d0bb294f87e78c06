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
/// It keeps no reference to WireMock.Net's message, whose body text, bytes and JSON would stay alive with it: only its
/// header dictionary, until the masked copy is first read.
/// </summary>
internal sealed class LoggedRequest : IRequestMessage
{
    // WireMock.Net's header dictionary until the masked copy is made; it holds no body.
    private IDictionary<string, WireMockList<string>>? _rawHeaders;
    private MaskedHeaders? _masked;

    private LoggedRequest(IRequestMessage inner, int bodyLimit)
    {
        ClientIP = inner.ClientIP;
        Url = inner.Url;
        AbsoluteUrl = inner.AbsoluteUrl;
        ProxyUrl = inner.ProxyUrl;
        DateTime = inner.DateTime;
        Path = inner.Path;
        AbsolutePath = inner.AbsolutePath;
        PathSegments = inner.PathSegments;
        AbsolutePathSegments = inner.AbsolutePathSegments;
        Method = inner.Method;
        HttpVersion = inner.HttpVersion;
        Cookies = inner.Cookies;
        Query = inner.Query;
        QueryIgnoreCase = inner.QueryIgnoreCase;
        RawQuery = inner.RawQuery;
        DetectedBodyTypeFromContentType = inner.DetectedBodyTypeFromContentType;
        DetectedCompression = inner.DetectedCompression;
        Host = inner.Host;
        Protocol = inner.Protocol;
        Port = inner.Port;
        Origin = inner.Origin;
        ClientCertificate = inner.ClientCertificate;
        _rawHeaders = inner.Headers;
        if (inner.Body is { Length: > 0 } body)
        {
            var key = inner.Headers?.Where(h => IsSecret(h.Key)).SelectMany(h => h.Value).Select(Credentials).FirstOrDefault(c => c.Length > 0);
            Body = Cut(Scrub(body, key), bodyLimit);
        }
        else
        {
            Body = inner.Body;
        }

        BodyData = Body is null ? null : new BodyData { DetectedBodyType = BodyType.String, BodyAsString = Body, Encoding = Encoding.UTF8 };
    }

    public string ClientIP { get; }

    public string Url { get; }

    public string AbsoluteUrl { get; }

    public string? ProxyUrl { get; set; }

    public DateTime DateTime { get; }

    public string Path { get; }

    public string AbsolutePath { get; }

    public string[] PathSegments { get; }

    public string[] AbsolutePathSegments { get; }

    public string Method { get; }

    public string HttpVersion { get; }

    /// <summary>The headers with credentials masked, copied when first read: most entries leave the log unread.</summary>
    public IDictionary<string, WireMockList<string>>? Headers
    {
        get
        {
            if (Volatile.Read(ref _masked) is { } masked)
            {
                return masked.Headers;
            }

            var copy = new MaskedHeaders(_rawHeaders?.ToDictionary(
                h => h.Key,
                h => IsSecret(h.Key) ? new WireMockList<string>(h.Value.Select(Mask)) : h.Value,
                StringComparer.OrdinalIgnoreCase));
            if (Interlocked.CompareExchange(ref _masked, copy, null) is { } first)
            {
                return first.Headers;
            }

            _rawHeaders = null;
            return copy.Headers;
        }
    }

    public IDictionary<string, string>? Cookies { get; }

    public IDictionary<string, WireMockList<string>>? Query { get; }

    public IDictionary<string, WireMockList<string>>? QueryIgnoreCase { get; }

    public string RawQuery { get; }

    public IBodyData? BodyData { get; }

    public string? Body { get; }

    public object? BodyAsJson => null;

    public byte[]? BodyAsBytes => null;

    public IMimeMessageData? BodyAsMimeMessage => null;

    public string? DetectedBodyType => BodyData?.DetectedBodyType?.ToString();

    public string? DetectedBodyTypeFromContentType { get; }

    public string? DetectedCompression { get; }

    public string Host { get; }

    public string Protocol { get; }

    public int Port { get; }

    public string Origin { get; }

    public X509Certificate2? ClientCertificate { get; }

    /// <summary>The request as the log may keep it; a request already masked is returned as it is.</summary>
    public static IRequestMessage For(IRequestMessage request, int bodyLimit) =>
        request as LoggedRequest ?? new LoggedRequest(request, bodyLimit);

    public WireMockList<string>? GetParameter(string key, bool ignoreCase = false) =>
        Query is null ? null : (ignoreCase ? new Dictionary<string, WireMockList<string>>(Query, StringComparer.OrdinalIgnoreCase) : Query).TryGetValue(key, out var values) ? values : null;

    private sealed record MaskedHeaders(IDictionary<string, WireMockList<string>>? Headers);

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
