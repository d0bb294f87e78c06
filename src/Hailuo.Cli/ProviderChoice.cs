using Hailuo.Contracts;

namespace Hailuo.Cli;

/// <summary>Finds a provider of the spec by name, ignoring case ("apimart", "MiniMax").</summary>
internal static class ProviderChoice
{
    public static string Names => string.Join(", ", HailuoSpec.Providers.Select(p => p.Name.ToLowerInvariant()));

    /// <summary>The error for a --provider value the spec does not know, naming the allowed ones.</summary>
    public static string Unknown(string? name) => $"--provider '{name}' is not a provider of the spec; allowed: {Names}.";

    public static ProviderInfo? Find(string? name) =>
        HailuoSpec.Providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
