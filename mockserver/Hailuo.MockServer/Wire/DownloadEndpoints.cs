using System.Globalization;
using Hailuo.MockServer.Simulation;
using Hailuo.MockServer.Video;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hailuo.MockServer.Wire;

/// <summary>GET /files/{file_id}.mp4?expires=..&amp;sig=..: the MP4 while the signed URL lives, 403 after.</summary>
internal static class DownloadEndpoints
{
    public static void MapDownloads(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(RouteInfo.DownloadPrefix + "{file_id}.mp4", (string file_id, string? expires, string? sig, SimulatorState state) =>
        {
            if (!state.Signer.IsGenuine(file_id, expires, sig))
            {
                return Forbidden("The download URL's signature does not match: use the URL exactly as the task status gave it.");
            }

            var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(expires!, CultureInfo.InvariantCulture));
            if (state.Now >= expiresAt)
            {
                return Forbidden($"The download URL expired at {expiresAt:yyyy-MM-ddTHH:mm:ssZ}; query the task or file again for a fresh one (URLs live {state.Options.UrlLifetime}, files are kept {state.Options.FileRetention}).");
            }

            var task = state.Tasks.FindByFileId(file_id);
            return task is null
                ? Results.Json(new { error = new { code = "not_found", message = $"File '{file_id}' no longer exists." } }, WireJson.Options, statusCode: StatusCodes.Status404NotFound)
                : Results.Bytes(state.Videos.For(task), Mp4Video.ContentType, enableRangeProcessing: true);
        });
    }

    private static IResult Forbidden(string message) =>
        Results.Json(new { error = new { code = "access_denied", message } }, WireJson.Options, statusCode: StatusCodes.Status403Forbidden);
}
