using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Hailuo.Jobs.Hangfire;

/// <summary>Mounts Hangfire's dashboard over the jobs' steps: <c>app.MapHailuoDashboard()</c>.</summary>
public static class HailuoDashboardEndpoints
{
    /// <summary>
    /// Maps Hangfire's dashboard at <paramref name="path"/>, behind <paramref name="authorization"/>; with none given,
    /// behind <see cref="LocalRequestsOnlyFilter"/> (requests from this machine only). Read-only unless
    /// <paramref name="readOnly"/> is false: a stranger who got in still could not delete or requeue steps.
    /// </summary>
    public static IEndpointConventionBuilder MapHailuoDashboard(this IEndpointRouteBuilder endpoints, string path = "/hangfire", bool readOnly = true, params IDashboardAuthorizationFilter[] authorization)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(authorization);
        return endpoints.MapHangfireDashboard(path, new DashboardOptions
        {
            Authorization = authorization.Length == 0 ? [new LocalRequestsOnlyFilter()] : authorization,
            IsReadOnlyFunc = _ => readOnly,
            DashboardTitle = "Hailuo jobs",
        });
    }
}
