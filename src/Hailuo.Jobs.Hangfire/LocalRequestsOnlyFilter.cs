using System.Net;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace Hailuo.Jobs.Hangfire;

/// <summary>
/// Admits the dashboard's requests from this machine only: a loopback peer with no proxy header. A reverse proxy on
/// the same machine makes every request look local, so a request it forwarded (Forwarded, X-Forwarded-For) is refused;
/// put your own authorization filter in front of a proxied dashboard.
/// </summary>
public sealed class LocalRequestsOnlyFilter : IDashboardAuthorizationFilter
{
    /// <inheritdoc/>
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        return http.Connection.RemoteIpAddress is { } peer
            && IPAddress.IsLoopback(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer)
            && !http.Request.Headers.ContainsKey("Forwarded")
            && !http.Request.Headers.ContainsKey("X-Forwarded-For");
    }
}
