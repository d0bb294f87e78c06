namespace Hailuo.Contracts.Generators;

/// <summary>Names of the tracked pipeline steps, shared with the caching tests.</summary>
internal static class TrackingNames
{
    public const string SpecText = nameof(SpecText);
    public const string Parsed = nameof(Parsed);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Model = nameof(Model);
    public const string Outline = nameof(Outline);
    public const string ModelUnits = nameof(ModelUnits);
    public const string ShippedDialects = nameof(ShippedDialects);
    public const string ShippedModes = nameof(ShippedModes);
}
