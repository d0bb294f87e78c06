using System.Security.Cryptography;
using System.Text;

namespace Hailuo.Jobs;

/// <summary>
/// Where job callbacks are received, relative to the receiver's base address: the prefix, the job key in base64url (so
/// any key is one path segment), then the job's own secret, so nobody who only knows (or guesses) a key can post to it.
/// </summary>
public static class CallbackPath
{
    /// <summary>The path prefix, such as "hailuo/callbacks/" in https://example.com/hailuo/callbacks/{job}/{secret}.</summary>
    public const string Prefix = "hailuo/callbacks/";

    // 256 bits from the system's CSPRNG: not guessable within any number of requests.
    private const int SecretBytes = 32;

    /// <summary>The path segment of a job key.</summary>
    public static string SegmentOf(string key) => Base64Url(Encoding.UTF8.GetBytes(key));

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

    /// <summary>A new random secret for one job's callback URL.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The callback URL of a job key and its secret under the receiver's base address.</summary>
    public static Uri UrlFor(Uri baseAddress, string key, string secret)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return new Uri(baseAddress, Prefix + SegmentOf(key) + "/" + secret);
    }

    /// <summary>
    /// Whether <paramref name="secret"/> is the one in the job's stored callback URL, compared in constant time; false
    /// for a job without one (no receiver, or a URL from a release before secrets).
    /// </summary>
    public static bool Matches(string? callbackUrl, string? secret)
    {
        var expected = Encoding.UTF8.GetBytes(SecretOf(callbackUrl) ?? string.Empty);
        var given = Encoding.UTF8.GetBytes(secret ?? string.Empty);

        // Both sides are compared at full length whatever matched so far, so the time says nothing about the secret.
        var equal = CryptographicOperations.FixedTimeEquals(Pad(expected), Pad(given));
        return equal && expected.Length == given.Length && expected.Length > 0;
    }

    private static string? SecretOf(string? callbackUrl)
    {
        if (callbackUrl is null || !Uri.TryCreate(callbackUrl, UriKind.Absolute, out var url))
        {
            return null;
        }

        var path = url.AbsolutePath;
        var at = path.IndexOf(Prefix, StringComparison.Ordinal);
        var parts = at < 0 ? [] : path[(at + Prefix.Length)..].Split('/');
        return parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null;
    }

    // A fixed width, so comparing a short guess costs what comparing the right secret does.
    private static byte[] Pad(byte[] value)
    {
        var padded = new byte[Math.Max(64, value.Length)];
        value.CopyTo(padded, 0);
        return padded;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
