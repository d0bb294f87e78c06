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

    /// <summary>--base-url as an address, or the error: not an http(s) URL, or given with --sim (which has its own).</summary>
    public static (Uri? Address, string? Problem) BaseAddress(string? baseUrl, bool sim) =>
        sim && baseUrl is not null
            ? (null, $"--base-url '{baseUrl}' cannot be used with --sim: --sim runs its own simulator; to use a standalone one (`hailuo sim`), drop --sim and keep --base-url.")
            : CommonOptions.ParseBaseUrl(baseUrl);

    /// <summary>The error when the provider's key is not set: where to set it, or --sim.</summary>
    public static string NoKey(ProviderInfo provider) =>
        $"no API key: set {provider.ApiKeyEnvironmentVariable}, or add --sim to run against the embedded simulator.";
}
