using System.Text;

namespace Hailuo.Jobs;

/// <summary>
/// Where job callbacks are received, relative to the receiver's base address: the prefix, then the job key in
/// base64url, so any key (with slashes, spaces) is one path segment and each key has its own URL.
/// </summary>
public static class CallbackPath
{
    /// <summary>The path prefix, such as "hailuo/callbacks/" in https://example.com/hailuo/callbacks/{job}.</summary>
    public const string Prefix = "hailuo/callbacks/";

    /// <summary>The path segment of a job key.</summary>
    public static string SegmentOf(string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The job key of a path segment, or null when it is not one.</summary>
    public static string? KeyOf(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
