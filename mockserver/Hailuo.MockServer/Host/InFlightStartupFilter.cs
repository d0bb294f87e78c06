using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Hailuo.MockServer.Server;

/// <summary>The first middleware of the WireMock.Net host: every request (engine, user stubs, admin) is counted while it is served.</summary>
internal sealed class InFlightStartupFilter(RequestsInFlight requests) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            using var _ = requests.Enter();
            await nextMiddleware(context).ConfigureAwait(false);
        });
        next(app);
    };
}
