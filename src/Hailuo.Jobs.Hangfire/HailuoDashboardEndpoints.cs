using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hailuo.Jobs.Hangfire;

/// <summary>Mounts Hangfire's dashboard over the jobs' steps: <c>app.MapHailuoDashboard()</c>.</summary>
public static class HailuoDashboardEndpoints
{
    /// <summary>
    /// Maps Hangfire's dashboard at <paramref name="path"/>, behind <paramref name="authorization"/>; with none given,
    /// behind <see cref="LocalRequestsOnlyFilter"/> (requests from this machine only). Read-only unless
    /// <paramref name="readOnly"/> is false: a stranger who got in still could not delete or requeue steps. A request
    /// the filters refuse gets the 404 of a path that does not exist, not Hangfire's 401 or 403: a stranger does not
    /// learn that a dashboard is there.
    /// </summary>
    public static IEndpointConventionBuilder MapHailuoDashboard(this IEndpointRouteBuilder endpoints, string path = "/hangfire", bool readOnly = true, params IDashboardAuthorizationFilter[] authorization)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(authorization);
        var dashboard = endpoints.MapHangfireDashboard(path, new DashboardOptions
        {
            Authorization = authorization.Length == 0 ? [new LocalRequestsOnlyFilter()] : authorization,
            IsReadOnlyFunc = _ => readOnly,
            DashboardTitle = "Hailuo jobs",
        });
        dashboard.Add(endpoint => endpoint.RequestDelegate = AsMissingWhenRefused(endpoint.RequestDelegate!));
        return dashboard;
    }

    // Hangfire answers a refusal by setting 401 or 403 and writing nothing; the same empty answer with 404 is a missing path's.
    private static RequestDelegate AsMissingWhenRefused(RequestDelegate dashboard) => async context =>
    {
        await dashboard(context).ConfigureAwait(false);
        if (!context.Response.HasStarted && context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    };
}
