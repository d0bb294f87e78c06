using System.Net;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hailuo.Jobs.Hangfire.Tests;

/// <summary>The dashboard admits requests from this machine only, unless the application names its own filter.</summary>
[Collection(Support.SharedCluster.Name)]
public sealed class DashboardTests
{
    [Theory]
    [InlineData("127.0.0.1", null, HttpStatusCode.OK)]
    [InlineData("::1", null, HttpStatusCode.OK)]
    [InlineData("::ffff:127.0.0.1", null, HttpStatusCode.OK)]
    [InlineData("203.0.113.7", null, HttpStatusCode.Unauthorized)]
    [InlineData("10.0.0.2", null, HttpStatusCode.Unauthorized)]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData("127.0.0.1", "203.0.113.7", HttpStatusCode.Unauthorized)]
    public async Task The_dashboard_admits_local_requests_only_by_default(string? peer, string? forwardedFor, HttpStatusCode expected)
    {
        await using var app = await StartAsync(peer);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var answer = await app.GetTestClient().SendAsync(request);

        Assert.Equal(expected, answer.StatusCode);
    }

    private static async Task<WebApplication> StartAsync(string? peer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddHangfire(c => c.UseInMemoryStorage());
        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = peer is null ? null : IPAddress.Parse(peer);
            return next(context);
        });
        app.MapHailuoDashboard();
        await app.StartAsync();
        return app;
    }
}
