using Hailuo.MockServer.Wire;
using Microsoft.AspNetCore.Http;

namespace Hailuo.MockServer.Server;

/// <summary>
/// The request's connection through IHttpContextAccessor (registered by <see cref="HailuoServerSettings"/>): WireMock.Net's
/// WithFault answers 200 with bad bytes, it cannot reset a connection or hold it open.
/// </summary>
internal sealed class HttpContextConnection(IHttpContextAccessor accessor) : IWireConnection
{
    public CancellationToken Aborted => accessor.HttpContext?.RequestAborted ?? CancellationToken.None;

    public void Reset()
    {
        var context = accessor.HttpContext
            ?? throw new InvalidOperationException("A connection fault needs IHttpContextAccessor on the WireMockServer: start it with HailuoServerSettings.Create or call HailuoServerSettings.AddServices in AdditionalServiceRegistration.");
        context.Abort();
    }
}
