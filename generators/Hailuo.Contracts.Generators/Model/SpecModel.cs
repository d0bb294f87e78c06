namespace Hailuo.Contracts.Generators.Model;

/// <summary>Everything one spec file says, as plain equatable values (no symbols, nodes or locations).</summary>
internal sealed record SpecModel(
    string FileStem,
    string Namespace,
    PromptModel? Prompt,
    ImageRulesModel? Images,
    CameraModel? Camera,
    EquatableArray<ResolutionModel> Resolutions,
    EquatableArray<ProviderModel> Providers);

internal sealed record PromptModel(int MaxLength, string Source);

internal sealed record ImageRulesModel(
    EquatableArray<string> Formats,
    long MaxBytes,
    int MinShortEdgeExclusive,
    int MinAspectWidth,
    int MinAspectHeight,
    int MaxAspectWidth,
    int MaxAspectHeight,
    bool BoundsInclusive,
    string Source);

internal sealed record CameraModel(int MaxPerBracket, EquatableArray<CameraCommandModel> Commands, string Source);

internal sealed record CameraCommandModel(string Name, string Member);

internal sealed record ResolutionModel(string Name, string Member, int Width, int Height, string Source);

internal sealed record ProviderModel(
    string Name,
    string Member,
    string Dialect,
    string BaseUrl,
    string ApiKeyEnvironmentVariable,
    bool UpperCaseResolution,
    string DefaultResolution,
    int DefaultDuration,
    bool DefaultPromptOptimizer,
    EquatableArray<ModelModel> Models,
    string Source);

internal sealed record ModelModel(
    string Id,
    string Member,
    EquatableArray<PriceModel> Prices,
    EquatableArray<ModeModel> Modes,
    string Source);

/// <summary>Dollars per second at one resolution, as the literal written in the spec; null when unpublished.</summary>
internal sealed record PriceModel(string Resolution, string? DollarsPerSecond);

internal sealed record ModeModel(string Mode, EquatableArray<MatrixRowModel> Matrix, string Source);

internal sealed record MatrixRowModel(string Resolution, EquatableArray<int> Durations);
