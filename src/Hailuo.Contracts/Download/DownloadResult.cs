namespace Hailuo.Contracts;

/// <summary>What a download wrote.</summary>
/// <param name="Bytes">Bytes written; equal to Content-Length whenever the server sent one.</param>
/// <param name="ContentType">The server's content type, such as "video/mp4".</param>
/// <param name="UrlRefreshes">How many fresh URLs were needed because one had expired.</param>
/// <param name="Path">The file written, for a download to a file.</param>
public sealed record DownloadResult(long Bytes, string? ContentType, int UrlRefreshes, string? Path = null);
