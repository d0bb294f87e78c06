namespace Hailuo.Contracts;

/// <summary>Which wire format a provider speaks.</summary>
public enum WireDialect
{
    /// <summary>APIMart: POST /v1/videos/generations, GET /v1/tasks/{task_id}.</summary>
    ApiMart,

    /// <summary>MiniMax: POST /v1/video_generation, GET /v1/query/video_generation, GET /v1/files/retrieve.</summary>
    MiniMax,
}
