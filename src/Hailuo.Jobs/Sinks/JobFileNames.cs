using System.Security.Cryptography;
using System.Text;

namespace Hailuo.Jobs;

/// <summary>A file name for any job key: its safe characters, plus a short hash so distinct keys never collide.</summary>
public static class JobFileNames
{
    /// <summary>The file name (without extension) for a job key.</summary>
    public static string For(string jobKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        var safe = new string(jobKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').Take(80).ToArray()).Trim('.');
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(jobKey)), 0, 4).ToLowerInvariant();
        return safe + "-" + hash;
    }
}
