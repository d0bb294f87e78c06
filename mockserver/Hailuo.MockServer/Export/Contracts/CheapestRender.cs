using System.Globalization;
using System.Text.Json.Nodes;
using Hailuo.Contracts;

namespace Hailuo.MockServer.ContractSnapshots;

/// <summary>The one paid render `--spend-cheapest` adds: the provider's cheapest text-to-video clip by the spec's prices.</summary>
/// <param name="Model">The model id.</param>
/// <param name="Resolution">The resolution, as the spec names it.</param>
/// <param name="Duration">Seconds.</param>
/// <param name="Dollars">The spec's price of the clip; null when the spec publishes none (allowed only against a simulator).</param>
public sealed record CheapestRender(string Model, string Resolution, int Duration, decimal? Dollars)
{
    /// <summary>The prompt of the paid render: plain, so no policy or prompt rule can refuse it.</summary>
    public const string Prompt = "A calm lake at dawn, contract probe";

    /// <summary>The cheapest priced text-to-video pair of the provider, or null when the spec publishes no price for any.</summary>
    public static CheapestRender? Find(ProviderInfo provider) =>
        Clips(provider).Where(c => c.Dollars is not null).OrderBy(c => c.Dollars).FirstOrDefault();

    /// <summary>The shortest text-to-video clip at the lowest resolution, priced or not: a simulator charges nothing.</summary>
    public static CheapestRender? Shortest(ProviderInfo provider) => Clips(provider).OrderBy(c => c.Duration).FirstOrDefault();

    /// <summary>The submit body, with the resolution as the provider's wire spells it.</summary>
    public string Body(ProviderInfo provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new JsonObject
        {
            ["model"] = Model,
            ["prompt"] = Prompt,
            ["duration"] = Duration,
            ["resolution"] = provider.WireResolution(Resolution),
        }.ToJsonString();
    }

    private static IEnumerable<CheapestRender> Clips(ProviderInfo provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return
            from model in provider.Models
            from mode in model.Modes
            where mode.Mode == VideoMode.TextToVideo
            from row in mode.Matrix
            from duration in row.Durations
            select new CheapestRender(model.Id, row.Resolution, duration, model.PriceOfClip(row.Resolution, duration));
    }

    /// <summary>What the user is told before anything is sent.</summary>
    public string Describe(ProviderInfo provider) => string.Create(
        CultureInfo.InvariantCulture,
        $"--spend-cheapest: one {Model} text-to-video clip at {Resolution} for {Duration} s on {provider?.Name}, {(Dollars is { } dollars ? $"${dollars:0.00} by the spec's prices" : "price unpublished in the spec")}");
}
