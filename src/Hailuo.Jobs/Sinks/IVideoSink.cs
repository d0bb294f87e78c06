namespace Hailuo.Jobs;

/// <summary>Where finished MP4s are kept: a local folder by default; plug in a blob store by implementing this.</summary>
public interface IVideoSink
{
    /// <summary>
    /// Takes over the whole, already downloaded file at <paramref name="downloadedFile"/> and keeps it under the job key.
    /// Must be idempotent: the same key may be stored again after a crash between storing and the ledger write.
    /// </summary>
    /// <returns>Where the video now is, as the sink names it (a path, a blob URI).</returns>
    Task<string> StoreAsync(string jobKey, string downloadedFile, CancellationToken cancellationToken = default);
}
