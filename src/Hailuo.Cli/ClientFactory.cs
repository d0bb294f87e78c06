using Hailuo.Contracts;

namespace Hailuo.Cli;

/// <summary>Client options for the real API, or for a simulator at --base-url.</summary>
internal static class ClientFactory
{
    public static HailuoClientOptions Options(ProviderInfo provider, string apiKey, Uri? baseAddress = null)
    {
        var options = provider.Dialect == WireDialect.MiniMax ? HailuoClientOptions.MiniMax(apiKey) : HailuoClientOptions.ApiMart(apiKey);
        return baseAddress is null ? options : options.WithBaseAddress(baseAddress);
    }

    /// <summary>The error when the provider's key is not set: where to set it, or --sim.</summary>
    public static string NoKey(ProviderInfo provider) =>
        $"no API key: set {provider.ApiKeyEnvironmentVariable}, or add --sim to run against the embedded simulator.";
}
