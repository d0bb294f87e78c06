namespace Hailuo.Contracts;

/// <summary>A model of a provider: its prices and the input modes it offers.</summary>
public sealed class ModelInfo
{
    /// <summary>Creates the model facts; the generated catalog calls this.</summary>
    public ModelInfo(string id, IReadOnlyList<PriceInfo> prices, IReadOnlyList<ModeInfo> modes)
    {
        Id = id;
        Prices = prices;
        Modes = modes;
    }

    /// <summary>The model id on the wire, such as "MiniMax-Hailuo-02".</summary>
    public string Id { get; }

    /// <summary>Dollars per second by resolution.</summary>
    public IReadOnlyList<PriceInfo> Prices { get; }

    /// <summary>The input modes and their resolution x duration matrices.</summary>
    public IReadOnlyList<ModeInfo> Modes { get; }

    /// <summary>The mode's matrix, or null when the model does not offer it.</summary>
    public ModeInfo? FindMode(VideoMode mode) => Modes.FirstOrDefault(m => m.Mode == mode);

    /// <summary>Dollars per second at a resolution; null when unpublished or unknown.</summary>
    public decimal? PricePerSecond(string resolution) =>
        Prices.FirstOrDefault(p => string.Equals(p.Resolution, resolution, StringComparison.OrdinalIgnoreCase))?.DollarsPerSecond;

    /// <inheritdoc/>
    public override string ToString() => Id;
}

/// <summary>The price of one second of video at a resolution.</summary>
/// <param name="Resolution">Resolution name, such as "1080p".</param>
/// <param name="DollarsPerSecond">US dollars per second, or null when the price is not published.</param>
public sealed record PriceInfo(string Resolution, decimal? DollarsPerSecond);
