using System.Globalization;

namespace Hailuo.Contracts;

/// <summary>What a clip costs by the spec's prices (per second or per clip); unknown where the price is not published.</summary>
/// <param name="Seconds">Seconds of video.</param>
/// <param name="Dollars">Total in US dollars, or null when the price is not published.</param>
public readonly record struct CostEstimate(int Seconds, decimal? Dollars)
{
    /// <summary>Estimates the cost of an untyped request on a provider, using the model's or provider's defaults for missing fields.</summary>
    public static CostEstimate For(ProviderInfo provider, VideoGenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(request);
        var seconds = provider.DurationFor(request);
        return new CostEstimate(seconds, provider.FindModel(request.Model)?.PriceOfClip(provider.ResolutionFor(request), seconds));
    }

    /// <inheritdoc/>
    public override string ToString() => Dollars is { } dollars
        ? "$" + dollars.ToString("0.00", CultureInfo.InvariantCulture)
        : "unknown (price not published)";
}
