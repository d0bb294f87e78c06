using System.Security.Cryptography;
using System.Text;
using Hailuo.MockServer.Wire;
using WireMock;

namespace Hailuo.MockServer.Server;

/// <summary>
/// The simulator's own admin mappings (/__admin/hailuo/) ask for the same Basic credentials as WireMock.Net's admin
/// interface, which checks only its own mappings.
/// </summary>
internal static class AdminAuthentication
{
    public static WireAnswer? Refusal(IRequestMessage request, SimulatorOptions options)
    {
        if (!options.HasAdminCredentials)
        {
            return null;
        }

        var expected = Encoding.UTF8.GetBytes("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(options.AdminUsername + ":" + options.AdminPassword)));
        var given = request.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault() ?? string.Empty;
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(given))
            ? null
            : WireAnswer.Json(new { error = "The admin API needs the simulator's admin credentials (HTTP Basic)." }, 401).With("WWW-Authenticate", "Basic realm=\"Hailuo simulator admin\"");
    }
}
