using System.Net;
using System.Net.NetworkInformation;
using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;

namespace Hailuo.MockServer.Wire;

/// <summary>
/// Refuses a callback_url that names the simulator itself: its callbacks would POST to its own endpoints, the admin API's
/// reset included, so any client could turn the simulator against everyone's tasks.
/// </summary>
internal static class SelfCallback
{
    public static FieldProblem? Problem(string? callbackUrl, string baseUrl, SimulatorState state)
    {
        if (callbackUrl is null || !Uri.TryCreate(callbackUrl, UriKind.Absolute, out var target) || !IsSelf(target, baseUrl, state))
        {
            return null;
        }

        return new FieldProblem(
            "callback_url",
            ValidationCodes.CallbackUrl,
            $"'callback_url' is '{target.GetLeftPart(UriPartial.Path)}': it points at this simulator's own address ({target.Authority}), which would POST callbacks to its own API; give the address of your callback receiver instead.");
    }

    private static bool IsSelf(Uri target, string baseUrl, SimulatorState state)
    {
        var own = new[] { Uri.TryCreate(baseUrl, UriKind.Absolute, out var reached) ? reached : null, state.Options.PublicBaseUrl }.OfType<Uri>().ToList();
        if (own.Any(u => string.Equals(u.Authority, target.Authority, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (!state.OwnPorts.Contains(target.Port) && own.All(u => u.Port != target.Port))
        {
            return false;
        }

        // Same port: any name of this machine reaches the simulator (loopback, "any", an address of one of its interfaces).
        var host = target.IdnHost.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || string.Equals(host, Dns.GetHostName(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address)
            && (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || LocalAddresses().Contains(address));
    }

    private static IEnumerable<IPAddress> LocalAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address);
}
