namespace Hailuo.Contracts.Transport;

/// <summary>Where a dialect's endpoints are and how its answers read; both dialects send the same request body.</summary>
internal interface IWireDialect
{
    /// <summary>The submit path, such as "/v1/videos/generations".</summary>
    string SubmitPath { get; }

    /// <summary>The status path of a task.</summary>
    string StatusPath(string taskId);

    /// <summary>The error a body carries, or null; HTTP errors without a readable body give a bare error.</summary>
    ProviderError? ReadError(int httpStatus, byte[] body);

    /// <summary>The new task's id, or null when the answer has none.</summary>
    string? ReadTaskId(byte[] body);

    /// <summary>The task's state, or null when the answer has no status.</summary>
    TaskSnapshot? ReadStatus(byte[] body);
}
