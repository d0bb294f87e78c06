namespace Hailuo.Contracts;

/// <summary>A model of a provider: its prices, its own defaults and the input modes it offers.</summary>
public sealed class ModelInfo
{
    /// <summary>Creates the model facts; the generated catalog calls this.</summary>
    public ModelInfo(string id, IReadOnlyList<PriceInfo> prices, IReadOnlyList<ModeInfo> modes, ModelDefaults? defaults = null, bool cameraCommands = true)
    {
        Id = id;
        Prices = prices;
        Modes = modes;
        Defaults = defaults;
        CameraCommands = cameraCommands;
    }

    /// <summary>The model id on the wire, such as "MiniMax-Hailuo-02".</summary>
    public string Id { get; }

    /// <summary>Prices by resolution: per second, or per clip of each duration.</summary>
    public IReadOnlyList<PriceInfo> Prices { get; }

    /// <summary>The input modes and their resolution x duration matrices.</summary>
    public IReadOnlyList<ModeInfo> Modes { get; }

    /// <summary>The resolution and duration the provider applies to this model when the request leaves them out; null: the provider's.</summary>
    public ModelDefaults? Defaults { get; }

    /// <summary>Whether the provider documents the bracketed camera commands for this model.</summary>
    public bool CameraCommands { get; }

    /// <summary>The mode's matrix, or null when the model does not offer it.</summary>
    public ModeInfo? FindMode(VideoMode mode)
    {
        // Indexed loops here and in FindPrice, not LINQ: every submit looks both up, and a lambda would capture per call.
        for (var i = 0; i < Modes.Count; i++)
        {
            if (Modes[i].Mode == mode)
            {
                return Modes[i];
            }
        }

        return null;
    }

    /// <summary>Dollars per second at a resolution; null when unpublished, unknown, or priced per clip.</summary>
    public decimal? PricePerSecond(string resolution) => FindPrice(resolution)?.DollarsPerSecond;

    /// <summary>Dollars for one clip of this resolution and duration; null when unpublished or unknown.</summary>
    public decimal? PriceOfClip(string resolution, int duration) => FindPrice(resolution) is { } price
        ? price.DollarsPerClip is { } clips ? (clips.TryGetValue(duration, out var dollars) ? dollars : null) : price.DollarsPerSecond * duration
        : null;

    /// <inheritdoc/>
    public override string ToString() => Id;

    private PriceInfo? FindPrice(string resolution)
    {
        for (var i = 0; i < Prices.Count; i++)
        {
            if (string.Equals(Prices[i].Resolution, resolution, StringComparison.OrdinalIgnoreCase))
            {
                return Prices[i];
            }
        }

        return null;
    }
}

/// <summary>The price of video at a resolution: by the second (APIMart) or by the clip of each duration (MiniMax).</summary>
/// <param name="Resolution">Resolution name, such as "1080p".</param>
/// <param name="DollarsPerSecond">US dollars per second, or null when the price is not published or is per clip.</param>
/// <param name="DollarsPerClip">US dollars for one clip by its duration in seconds, or null when priced by the second.</param>
public sealed record PriceInfo(string Resolution, decimal? DollarsPerSecond, IReadOnlyDictionary<int, decimal>? DollarsPerClip = null)
{
    /// <summary>The price in words, such as "$0.04/s" or "6 s $0.28, 10 s $0.56"; "unpublished" when unknown.</summary>
    public string Describe() => DollarsPerClip is { Count: > 0 } clips
        ? string.Join(", ", clips.OrderBy(c => c.Key).Select(c => c.Key.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s $" + c.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))
        : DollarsPerSecond is { } perSecond ? "$" + perSecond.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "/s" : "unpublished";
}

/// <summary>What a provider applies to one model when the request leaves resolution or duration out.</summary>
/// <param name="Resolution">Default resolution, such as "720p".</param>
/// <param name="Duration">Default duration in seconds.</param>
public sealed record ModelDefaults(string Resolution, int Duration);
