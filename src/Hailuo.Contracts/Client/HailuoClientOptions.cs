namespace Hailuo.Contracts;

/// <summary>
/// Settings of a <see cref="HailuoClient"/>; bindable from configuration (section "Hailuo" by convention). The API key
/// comes from <see cref="ApiKey"/> or, when that is empty, from the provider's environment variable
/// (APIMART_API_KEY, MINIMAX_API_KEY); it never appears in <see cref="ToString"/>, logs or exceptions.
/// </summary>
public sealed class HailuoClientOptions
{
    /// <summary>The configuration section <c>AddHailuoClient(configuration)</c> binds by default.</summary>
    public const string SectionName = "Hailuo";

    /// <summary>The provider's name as the spec writes it: "APIMart" (default) or "MiniMax".</summary>
    public string Provider { get; set; } = "APIMart";

    /// <summary>The API key; when empty the provider's environment variable is read.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Overrides the provider's production address, such as a simulator's.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How long to wait between status polls; the server's Retry-After wins when longer. Default 15 s, as the seeds advise.</summary>
    public TimeSpan PollingInterval { get; set; } = HailuoSpec.Tasks.PollInterval;

    /// <summary>After a rate-limited poll without Retry-After, the next poll waits at least this long. Default 10 s, as the spec's sources advise.</summary>
    public TimeSpan RateLimitedPollingInterval { get; set; } = HailuoSpec.Tasks.PollIntervalWhenRateLimited;

    /// <summary>A render still running after <see cref="LongRenderAfter"/> is polled at least this far apart. Default 30 s, the longest interval the sources advise.</summary>
    public TimeSpan LongRenderPollingInterval { get; set; } = HailuoSpec.Tasks.PollIntervalMax;

    /// <summary>When a render counts as long: the upper bound of the sources' typical render time, 90 s by default.</summary>
    public TimeSpan LongRenderAfter { get; set; } = HailuoSpec.Tasks.TypicalRenderMax;

    /// <summary>How long a wait may last in all before it fails with ErrorCode <see cref="HailuoException.WaitTimedOut"/>. Default 30 min.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one HTTP attempt may take before it is abandoned. Default 100 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How many fresh download URLs to ask for when one has expired. Default 2.</summary>
    public int MaxUrlRefreshes { get; set; } = 2;

    /// <summary>Retry settings.</summary>
    public HailuoRetryOptions Retry { get; set; } = new();

    /// <summary>The clock behind every delay, deadline and timestamp; tests pass a manual one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Options for APIMart with this key (or APIMART_API_KEY when null).</summary>
    public static HailuoClientOptions ApiMart(string? apiKey = null) => new() { Provider = HailuoSpec.ApiMart.Name, ApiKey = apiKey };

    /// <summary>Options for MiniMax direct with this key (or MINIMAX_API_KEY when null).</summary>
    public static HailuoClientOptions MiniMax(string? apiKey = null) => new() { Provider = HailuoSpec.MiniMax.Name, ApiKey = apiKey };

    /// <summary>Sets the base address, for a simulator or a proxy; returns the same options.</summary>
    public HailuoClientOptions WithBaseAddress(Uri baseAddress)
    {
        BaseAddress = baseAddress ?? throw new ArgumentNullException(nameof(baseAddress));
        return this;
    }

    /// <summary>The settings without the key.</summary>
    public override string ToString() =>
        $"{Provider} at {BaseAddress?.ToString() ?? "its production address"}, key {(string.IsNullOrEmpty(ApiKey) ? "from the environment" : "set")}, polling every {PollingInterval}";

    /// <summary>A provider of any generated catalog, such as a consumer's <c>ContosoHailuoSpec.ContosoGateway</c>; when set it wins over <see cref="Provider"/>. Not bound from configuration.</summary>
    public ProviderInfo? ProviderInfo { get; set; }

    /// <summary>Options for a provider of any generated catalog, such as a consumer spec's, with this key (or its environment variable when null).</summary>
    public static HailuoClientOptions For(ProviderInfo provider, string? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new() { Provider = provider.Name, ProviderInfo = provider, ApiKey = apiKey };
    }

    /// <summary><see cref="ProviderInfo"/>, or the shipped spec's provider named <see cref="Provider"/>.</summary>
    internal ProviderInfo ResolveProvider() =>
        ProviderInfo
        ?? HailuoSpec.Providers.FirstOrDefault(p => string.Equals(p.Name, Provider, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Provider '{Provider}' is not in the shipped spec; known: {string.Join(", ", HailuoSpec.Providers.Select(p => p.Name))}. For a provider of your own spec, use HailuoClientOptions.For(YourSpec.YourProvider) or new HailuoClient(YourSpec.YourProvider, options).");

    /// <summary>The key from the options or the environment; the message names the variable, never a value.</summary>
    internal string ResolveApiKey(ProviderInfo provider)
    {
        var key = string.IsNullOrWhiteSpace(ApiKey) ? Environment.GetEnvironmentVariable(provider.ApiKeyEnvironmentVariable) : ApiKey;
        return string.IsNullOrWhiteSpace(key)
            ? throw new ArgumentException($"No API key for {provider.Name}: set HailuoClientOptions.ApiKey or the {provider.ApiKeyEnvironmentVariable} environment variable.")
            : key.Trim();
    }

    internal void Validate()
    {
        if (PollingInterval <= TimeSpan.Zero || WaitTimeout <= TimeSpan.Zero || AttemptTimeout <= TimeSpan.Zero || MaxUrlRefreshes < 0
            || RateLimitedPollingInterval < TimeSpan.Zero || LongRenderPollingInterval < TimeSpan.Zero || LongRenderAfter < TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"Options must have positive PollingInterval ({PollingInterval}), WaitTimeout ({WaitTimeout}) and AttemptTimeout ({AttemptTimeout}), and MaxUrlRefreshes >= 0 ({MaxUrlRefreshes}), "
                + $"RateLimitedPollingInterval >= 0 ({RateLimitedPollingInterval}), LongRenderPollingInterval >= 0 ({LongRenderPollingInterval}), LongRenderAfter >= 0 ({LongRenderAfter}).");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Retry);
        Retry.Validate();
    }
}
