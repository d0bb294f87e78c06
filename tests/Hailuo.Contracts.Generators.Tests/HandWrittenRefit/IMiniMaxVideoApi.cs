// A fixture, not compiled into the tests: the MiniMax calls as a person writes them for Refit, from the spec's
// minimax dialect lines. RefitSeamTests hands it to Refit's own generator and keeps its lines equal to the spec's.
using System.Threading;
using System.Threading.Tasks;
using Hailuo.Contracts;
using Hailuo.Contracts.Transport;
using Refit;

namespace RefitSeamCheck;

[Headers("Accept: application/json")]
public interface IMiniMaxVideoApi
{
    [Post("/v1/video_generation")]
    Task<ApiResponse<MiniMaxAnswer>> SubmitAsync([Body] VideoGenerationRequest request, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken = default);

    [Get("/v1/query/video_generation")]
    Task<ApiResponse<MiniMaxAnswer>> GetTaskAsync([AliasAs("task_id")][Query] string taskId, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken = default);

    [Get("/v1/files/retrieve")]
    Task<ApiResponse<MiniMaxAnswer>> RetrieveFileAsync([AliasAs("file_id")][Query] string fileId, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken = default);
}
