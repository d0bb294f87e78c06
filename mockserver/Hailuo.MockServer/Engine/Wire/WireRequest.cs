namespace Hailuo.MockServer.Wire;

/// <summary>One request as the engine sees it, whatever host received it.</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Path, such as "/v1/tasks/task_01...".</param>
/// <param name="Query">Query string including '?', or empty.</param>
/// <param name="Values">Path and query values named by the spec's endpoint line, such as task_id.</param>
/// <param name="Authorization">The Authorization header, or null.</param>
/// <param name="Body">The body as text; empty for GET.</param>
/// <param name="BaseUrl">The server's address as the client reached it, for download URLs.</param>
/// <param name="Range">The Range header, or null.</param>
internal sealed record WireRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Values,
    string? Authorization,
    string Body,
    string BaseUrl,
    string? Range = null)
{
    /// <summary>A named value of the path or query, or null when absent or empty.</summary>
    public string? Value(string name) => Values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The bearer key, or null when the header is missing, of another scheme, or empty.</summary>
    public string? BearerKey()
    {
        const string scheme = "Bearer ";
        if (Authorization is not { } header || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header[scheme.Length..].Trim();
        return key.Length == 0 ? null : key;
    }
}
