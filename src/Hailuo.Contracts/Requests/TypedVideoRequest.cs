namespace Hailuo.Contracts;

/// <summary>
/// A request built by the generated builders: provider, model, mode, resolution and duration are fixed and
/// allowed by construction; only the optional switches can change.
/// </summary>
public sealed class TypedVideoRequest
{
    internal TypedVideoRequest(ProviderInfo provider, string model, VideoDraft draft, string resolution, int duration)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Provider = provider;
        Model = model;
        Draft = draft;
        Resolution = resolution;
        Duration = duration;
        // One source of price: the catalog that CostEstimate.For reads for untyped requests too.
        EstimatedCost = new CostEstimate(duration, provider.FindModel(model)?.PriceOfClip(resolution, duration));
    }

    private TypedVideoRequest(TypedVideoRequest other)
    {
        Provider = other.Provider;
        Model = other.Model;
        Draft = other.Draft;
        Resolution = other.Resolution;
        Duration = other.Duration;
        EstimatedCost = other.EstimatedCost;
        PromptOptimizer = other.PromptOptimizer;
        FastPretreatment = other.FastPretreatment;
        Watermark = other.Watermark;
        CallbackUrl = other.CallbackUrl;
    }

    /// <summary>The provider the request was built for.</summary>
    public ProviderInfo Provider { get; }

    /// <summary>The model id on the wire.</summary>
    public string Model { get; }

    /// <summary>The inputs: mode, prompt and images.</summary>
    public VideoDraft Draft { get; }

    /// <summary>The mode.</summary>
    public VideoMode Mode => Draft.Mode;

    /// <summary>The resolution, such as "768p".</summary>
    public string Resolution { get; }

    /// <summary>Seconds of video.</summary>
    public int Duration { get; }

    /// <summary>The cost from the spec's price for this model, resolution and duration.</summary>
    public CostEstimate EstimatedCost { get; }

    /// <summary>Whether the provider may rewrite the prompt (default on).</summary>
    public bool PromptOptimizer { get; private init; } = true;

    /// <summary>Shorter prompt optimisation.</summary>
    public bool FastPretreatment { get; private init; }

    /// <summary>Whether a watermark is added.</summary>
    public bool Watermark { get; private init; }

    /// <summary>Where status notifications go.</summary>
    public Uri? CallbackUrl { get; private init; }

    /// <summary>Sends the prompt exactly as written.</summary>
    public TypedVideoRequest WithoutPromptOptimizer() => new(this) { PromptOptimizer = false };

    /// <summary>Trades a little quality for faster prompt optimisation.</summary>
    public TypedVideoRequest WithFastPretreatment() => new(this) { FastPretreatment = true };

    /// <summary>Adds the provider's watermark.</summary>
    public TypedVideoRequest WithWatermark() => new(this) { Watermark = true };

    /// <summary>Asks the provider to POST status notifications to this URL.</summary>
    public TypedVideoRequest WithCallback(Uri callbackUrl)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        if (!ImageReferenceForm.IsHttpUrl(callbackUrl.OriginalString))
        {
            throw new ArgumentException($"The callback URL '{callbackUrl}' must be an absolute http or https URL.", nameof(callbackUrl));
        }

        return new(this) { CallbackUrl = callbackUrl };
    }

    /// <summary>The untyped request with every field set, ready for the wire.</summary>
    public VideoGenerationRequest ToRequest() => new()
    {
        Model = Model,
        Prompt = Draft.Prompt?.ToString(),
        Duration = Duration,
        Resolution = Resolution,
        PromptOptimizer = PromptOptimizer,
        FastPretreatment = FastPretreatment ? true : null,
        Watermark = Watermark ? true : null,
        FirstFrameImage = Draft.FirstFrame?.Value,
        LastFrameImage = Draft.LastFrame?.Value,
        SubjectReference = Draft.Subject is null ? null : new List<SubjectReference> { new() { Image = new List<string> { Draft.Subject.Value } } },
        CallbackUrl = CallbackUrl?.OriginalString,
        Mode = Mode,
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Model} {Mode.ToWireName()} {Resolution} {Duration} s on {Provider.Name}";
}
