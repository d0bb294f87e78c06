using System.Globalization;
using Hailuo.Contracts;

namespace Hailuo.Jobs;

/// <summary>
/// The draft's resolution and duration: of the pairs every mode of the storyboard allows, the one with the lowest published
/// price per clip; where no price is published, the fewest lines times seconds.
/// </summary>
internal static class DraftCut
{
    public static (string Resolution, int Duration) Choose(ProviderInfo provider, ModelInfo model, IReadOnlyList<VideoMode> modes, string resolution, int duration)
    {
        var used = modes.Distinct().Select(m => model.FindMode(m)!).ToList();
        var pairs = used[0].Matrix.SelectMany(r => r.Durations.Select(d => (r.Resolution, Duration: d)))
            .Where(p => used.All(m => m.Allows(p.Resolution, p.Duration)))
            .ToList();
        var cheapest = pairs.OrderBy(p => Dollars(model, p) is null ? 1 : 0).ThenBy(p => Dollars(model, p)).ThenBy(p => Lines(p.Resolution) * p.Duration).First();
        var final = (resolution, duration);
        if (!Cheaper(model, cheapest, final))
        {
            var allowed = string.Join("; ", pairs.Select(p => Describe(model, p)));
            throw new StoryboardException(string.Create(CultureInfo.InvariantCulture,
                $"a draft needs a cheaper resolution and duration, but the storyboard's {Describe(model, final)} is already the cheapest that {model.Id} on {provider.Name} allows for {string.Join(" and ", used.Select(m => m.Mode.ToWireName()))}; allowed: {allowed}. Nothing was rendered; make the final instead."));
        }

        return cheapest;
    }

    // Priced pairs compare by price; a pair without a published price compares by lines times seconds.
    private static bool Cheaper(ModelInfo model, (string Resolution, int Duration) a, (string Resolution, int Duration) b) =>
        Dollars(model, a) is { } x && Dollars(model, b) is { } y ? x < y : Lines(a.Resolution) * a.Duration < Lines(b.Resolution) * b.Duration;

    private static decimal? Dollars(ModelInfo model, (string Resolution, int Duration) pair) => model.PriceOfClip(pair.Resolution, pair.Duration);

    private static int Lines(string resolution) => int.TryParse(resolution.TrimEnd('p', 'P'), NumberStyles.None, CultureInfo.InvariantCulture, out var lines) ? lines : int.MaxValue / 64;

    private static string Describe(ModelInfo model, (string Resolution, int Duration) pair) =>
        string.Create(CultureInfo.InvariantCulture, $"{pair.Resolution} {pair.Duration} s ({new CostEstimate(pair.Duration, Dollars(model, pair))})");
}
