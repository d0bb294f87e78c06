using System.Globalization;

namespace Hailuo.Contracts;

/// <summary>What a clip costs by the spec's price per second; unknown where the price is not published.</summary>
/// <param name="Seconds">Seconds of video.</param>
/// <param name="DollarsPerSecond">Price per second, or null when unpublished.</param>
public readonly record struct CostEstimate(int Seconds, decimal? DollarsPerSecond)
{
    /// <summary>Total in US dollars, or null when the price is not published.</summary>
    public decimal? Dollars => DollarsPerSecond * Seconds;

    /// <summary>Estimates the cost of an untyped request on a provider, using its defaults for missing fields.</summary>
    public static CostEstimate For(ProviderInfo provider, VideoGenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(request);
        var seconds = request.Duration ?? provider.Defaults.Duration;
        var resolution = request.Resolution ?? provider.Defaults.Resolution;
        return new CostEstimate(seconds, provider.FindModel(request.Model)?.PricePerSecond(resolution));
    }

    /// <inheritdoc/>
    public override string ToString() => Dollars is { } dollars
        ? "$" + dollars.ToString("0.00", CultureInfo.InvariantCulture)
        : "unknown (price not published)";
}
