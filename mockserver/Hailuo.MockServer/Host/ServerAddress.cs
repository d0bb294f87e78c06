namespace Hailuo.MockServer.Server;

/// <summary>
/// The server's address as a client reached it (scheme, host and port), for download URLs: the configured public base
/// URL, or the request's own. Parsed once per distinct address rather than once per request.
/// </summary>
internal sealed class ServerAddress(Uri? publicBaseUrl)
{
    private readonly string? _configured = publicBaseUrl?.GetLeftPart(UriPartial.Authority);
    private Parsed? _last;

    /// <summary>The address of <paramref name="url"/> (an absolute request URL), or the configured one.</summary>
    public string For(string url)
    {
        if (_configured is not null)
        {
            return _configured;
        }

        // Everything the address depends on lies before the first '/' after "scheme://".
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var end = start < 0 ? -1 : url.IndexOf('/', start + 3);
        var head = end < 0 ? url.AsSpan() : url.AsSpan(0, end);
        var last = Volatile.Read(ref _last);
        if (last is not null && head.SequenceEqual(last.Head))
        {
            return last.Address;
        }

        var address = new Uri(url).GetLeftPart(UriPartial.Authority);
        Volatile.Write(ref _last, new Parsed(head.ToString(), address));
        return address;
    }

    private sealed record Parsed(string Head, string Address);
}
