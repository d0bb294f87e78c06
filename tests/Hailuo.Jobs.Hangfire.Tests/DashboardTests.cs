using System.Net;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hailuo.Jobs.Hangfire.Tests;

/// <summary>
/// The dashboard admits requests from this machine only, unless the application names its own filter; a refused
/// request gets exactly the answer of a path that does not exist.
/// </summary>
[Collection(Support.SharedCluster.Name)]
public sealed class DashboardTests
{
    [Theory]
    [InlineData("127.0.0.1", null, HttpStatusCode.OK)]
    [InlineData("::1", null, HttpStatusCode.OK)]
    [InlineData("::ffff:127.0.0.1", null, HttpStatusCode.OK)]
    [InlineData("203.0.113.7", null, HttpStatusCode.NotFound)]
    [InlineData("10.0.0.2", null, HttpStatusCode.NotFound)]
    [InlineData(null, null, HttpStatusCode.NotFound)]
    [InlineData("127.0.0.1", "203.0.113.7", HttpStatusCode.NotFound)]
    public async Task The_dashboard_admits_local_requests_only_by_default(string? peer, string? forwardedFor, HttpStatusCode expected)
    {
        await using var app = await StartAsync(peer);

        var (status, _) = await GetAsync(app, HttpMethod.Get, "/hangfire", forwardedFor);

        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("GET", "/hangfire")]
    [InlineData("GET", "/hangfire/jobs/enqueued")]
    [InlineData("POST", "/hangfire/stats")]
    [InlineData("POST", "/hangfire/jobs/enqueued/delete")]
    public async Task A_stranger_gets_the_answer_of_a_path_that_does_not_exist(string method, string path)
    {
        await using var app = await StartAsync("203.0.113.7");

        var missing = await GetAsync(app, new HttpMethod(method), "/no-such-path", null);
        var refused = await GetAsync(app, new HttpMethod(method), path, null);

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(missing, refused);
    }

    /// <summary>The status, and the body and headers as one text (the date left out), of one request.</summary>
    private static async Task<(HttpStatusCode Status, string Answer)> GetAsync(WebApplication app, HttpMethod method, string path, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(method, path);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var answer = await app.GetTestClient().SendAsync(request);
        var headers = answer.Headers.Concat(answer.Content.Headers).Where(h => h.Key != "Date").Select(h => $"{h.Key}: {string.Join(",", h.Value)}");
        return (answer.StatusCode, string.Join("\n", headers.Order(StringComparer.Ordinal)) + "\n\n" + await answer.Content.ReadAsStringAsync());
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
