namespace Hailuo.MockServer;

/// <summary>How the simulator sends API errors (bad key, rate limit, invalid request, unknown task or file).</summary>
public enum ErrorTransport
{
    /// <summary>As the spec says each dialect's real service does: MiniMax inside HTTP 200 (base_resp), APIMart as the HTTP status.</summary>
    Documented,

    /// <summary>Every dialect as the HTTP status (400, 401, 404, 429), with the same body.</summary>
    HttpStatus,

    /// <summary>Every dialect inside an HTTP 200 body: MiniMax's base_resp, APIMart's "code" naming the status.</summary>
    InBody,
}
