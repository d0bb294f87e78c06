using Hailuo.Contracts;
using Microsoft.AspNetCore.Http;

namespace Hailuo.MockServer.Wire;

/// <summary>Which endpoint and dialect a path belongs to, decided once per request before routing.</summary>
internal readonly record struct RouteInfo(SimulatorEndpoint Endpoint, WireDialect? Dialect)
{
    public const string ApiMartSubmit = "/v1/videos/generations";
    public const string ApiMartStatusPrefix = "/v1/tasks/";
    public const string MiniMaxSubmit = "/v1/video_generation";
    public const string MiniMaxQuery = "/v1/query/video_generation";
    public const string MiniMaxFileRetrieve = "/v1/files/retrieve";
    public const string DownloadPrefix = "/files/";
    public const string AdminPrefix = "/__admin";

    public static RouteInfo? Classify(PathString path)
    {
        var value = path.Value ?? string.Empty;
        return value switch
        {
            ApiMartSubmit => new RouteInfo(SimulatorEndpoint.Submit, WireDialect.ApiMart),
            MiniMaxSubmit => new RouteInfo(SimulatorEndpoint.Submit, WireDialect.MiniMax),
            MiniMaxQuery => new RouteInfo(SimulatorEndpoint.Status, WireDialect.MiniMax),
            MiniMaxFileRetrieve => new RouteInfo(SimulatorEndpoint.FileRetrieve, WireDialect.MiniMax),
            _ when value.StartsWith(ApiMartStatusPrefix, StringComparison.Ordinal) => new RouteInfo(SimulatorEndpoint.Status, WireDialect.ApiMart),
            _ when value.StartsWith(DownloadPrefix, StringComparison.Ordinal) => new RouteInfo(SimulatorEndpoint.Download, null),
            _ => null,
        };
    }
}
