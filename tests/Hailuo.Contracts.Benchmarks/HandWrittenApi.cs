using Hailuo.Contracts.Transport;
using Refit;

namespace Hailuo.Contracts.Benchmarks;

/// <summary>The APIMart calls written by hand as a Refit interface: Refit's own generator implements it.</summary>
public interface IHandWrittenApiMart
{
    /// <summary>Submit.</summary>
    [Post("/v1/videos/generations")]
    [Headers("Accept: application/json")]
    Task<ApiResponse<ApiMartSubmitAnswer>> SubmitAsync([Body] VideoGenerationRequest request, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken = default);

    /// <summary>Status.</summary>
    [Get("/v1/tasks/{task_id}")]
    [Headers("Accept: application/json")]
    Task<ApiResponse<ApiMartTaskAnswer>> GetTaskAsync([AliasAs("task_id")] string taskId, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken = default);
}
