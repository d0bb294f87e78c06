using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Hailuo.MockServer.Simulation;

/// <summary>
/// The owner of a bearer key (a hash that is safe to keep), remembered per key: a wait loop sends the same key
/// thousands of times, and the hash is the same every time. Bounded, so a stream of random keys cannot grow it.
/// </summary>
internal sealed class KeyOwners
{
    /// <summary>More keys than any test or team uses; past it the cache starts again rather than grow.</summary>
    public const int Capacity = 1_024;

    private readonly ConcurrentDictionary<string, string> _owners = new(StringComparer.Ordinal);

    public string For(string key)
    {
        if (_owners.TryGetValue(key, out var owner))
        {
            return owner;
        }

        if (_owners.Count >= Capacity)
        {
            _owners.Clear();
        }

        owner = Hash(key);
        _owners[key] = owner;
        return owner;
    }

    /// <summary>The first 8 bytes of the key's SHA-256, in hex.</summary>
    internal static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8);
}
