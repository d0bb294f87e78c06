namespace Hailuo.Contracts;

/// <summary>A provider of the spec: where it lives, how it speaks, and the models it offers.</summary>
public sealed class ProviderInfo
{
    private readonly Func<FluentValidation.IValidator<VideoGenerationRequest>>? _validator;

    /// <summary>Creates the provider facts; the generated catalog calls this.</summary>
    public ProviderInfo(string name, WireDialect dialect, Uri baseUrl, string apiKeyEnvironmentVariable, bool upperCaseResolution, ProviderDefaults defaults, IReadOnlyList<ModelInfo> models, ProviderApi? api = null, Func<FluentValidation.IValidator<VideoGenerationRequest>>? validator = null)
    {
        Name = name;
        Dialect = dialect;
        BaseUrl = baseUrl;
        ApiKeyEnvironmentVariable = apiKeyEnvironmentVariable;
        UpperCaseResolution = upperCaseResolution;
        Defaults = defaults;
        Models = models;
        Api = api;
        _validator = validator;
    }

    /// <summary>The provider's name, such as "APIMart".</summary>
    public string Name { get; }

    /// <summary>The wire format.</summary>
    public WireDialect Dialect { get; }

    /// <summary>The production base address.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The environment variable that holds the API key.</summary>
    public string ApiKeyEnvironmentVariable { get; }

    /// <summary>Whether the wire spells resolutions "768P" rather than "768p".</summary>
    public bool UpperCaseResolution { get; }

    /// <summary>What the provider assumes when a field is left out.</summary>
    public ProviderDefaults Defaults { get; }

    /// <summary>The models, ordered by member name.</summary>
    public IReadOnlyList<ModelInfo> Models { get; }

    /// <summary>The generated Refit interface the client sends through; null only for a provider built by hand without one.</summary>
    public ProviderApi? Api { get; }

    /// <summary>A new instance of the spec's generated validator for this provider; null for a provider built by hand without one.</summary>
    public FluentValidation.IValidator<VideoGenerationRequest>? CreateValidator() => _validator?.Invoke();

    /// <summary>The model with this id (exact, case-sensitive as on the wire), or null.</summary>
    public ModelInfo? FindModel(string? id)
    {
        // An indexed loop, not LINQ: every submit looks the model up several times, and this allocates nothing.
        for (var i = 0; i < Models.Count; i++)
        {
            if (string.Equals(Models[i].Id, id, StringComparison.Ordinal))
            {
                return Models[i];
            }
        }

        return null;
    }

    /// <summary>The resolution the provider renders for this request: its own, else the model's default, else the provider's.</summary>
    public string ResolutionFor(VideoGenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Resolution ?? FindModel(request.Model)?.Defaults?.Resolution ?? Defaults.Resolution;
    }

    /// <summary>The duration the provider renders for this request: its own, else the model's default, else the provider's.</summary>
    public int DurationFor(VideoGenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Duration ?? FindModel(request.Model)?.Defaults?.Duration ?? Defaults.Duration;
    }

    /// <summary>The resolution as this provider's wire spells it.</summary>
    public string WireResolution(string resolution) =>
        UpperCaseResolution ? resolution.ToUpperInvariant() : resolution.ToLowerInvariant();

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Values a provider applies when the request leaves them out.</summary>
/// <param name="Resolution">Default resolution, such as "768p".</param>
/// <param name="Duration">Default duration in seconds.</param>
/// <param name="PromptOptimizer">Whether the prompt optimizer is on by default.</param>
public sealed record ProviderDefaults(string Resolution, int Duration, bool PromptOptimizer);
