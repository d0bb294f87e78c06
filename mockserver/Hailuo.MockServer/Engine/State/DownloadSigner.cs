using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hailuo.MockServer.Simulation;

/// <summary>Signs download URLs with HMAC-SHA256 over the file id and expiry, with a key made fresh for each simulator.</summary>
internal sealed class DownloadSigner
{
    /// <summary>The download endpoint, written as the spec writes the API's endpoint lines (the simulator's own URL shape).</summary>
    public const string Endpoint = "GET /files/{file_id}.mp4?expires={expires}&sig={sig}";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string PathAndQuery(string fileId, DateTimeOffset expiresAt)
    {
        var expires = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"/files/{fileId}.mp4?expires={expires}&sig={Sign(fileId, expires)}";
    }

    public bool IsGenuine(string fileId, string? expires, string? signature)
    {
        if (expires is null || signature is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(fileId, expires));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Sign(string fileId, string expires) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(fileId + "\n" + expires))).ToLowerInvariant();
}
