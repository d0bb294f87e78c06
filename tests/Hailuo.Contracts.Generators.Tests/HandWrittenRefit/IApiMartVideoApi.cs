// A fixture, not compiled into the tests: the APIMart calls as a person writes them for Refit, from the spec's
// apimart dialect lines. RefitSeamTests hands it to Refit's own generator and keeps its lines equal to the spec's.
using System.Threading;
using System.Threading.Tasks;
using Hailuo.Contracts;
using Hailuo.Contracts.Transport;
using Refit;

namespace RefitSeamCheck;

[Headers("Accept: application/json")]
public interface IApiMartVideoApi
{
    [Post("/v1/videos/generations")]
    Task<ApiResponse<ApiMartSubmitAnswer>> SubmitAsync([Body] VideoGenerationRequest request, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken = default);

    [Get("/v1/tasks/{task_id}")]
    Task<ApiResponse<ApiMartTaskAnswer>> GetTaskAsync([AliasAs("task_id")] string taskId, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken = default);
}
