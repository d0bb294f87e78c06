namespace Hailuo.Contracts.Generators.Model;

/// <summary>Everything one spec file says, as plain equatable values (no symbols, nodes or locations).</summary>
internal sealed record SpecModel(
    string FileStem,
    string Namespace,
    PromptModel? Prompt,
    ImageRulesModel? Images,
    CameraModel? Camera,
    EquatableArray<ResolutionModel> Resolutions,
    EquatableArray<DialectModel> Dialects,
    TaskTimingModel? Tasks,
    EquatableArray<ProviderModel> Providers);

/// <summary>What one wire dialect says: endpoints, its status words and error codes, mapped to our words.</summary>
internal sealed record DialectModel(
    string Name,
    string Submit,
    string Status,
    string? FileRetrieve,
    EquatableArray<WordModel> StatusWords,
    EquatableArray<WordModel> ErrorCodes,
    string Source);

/// <summary>A word on the wire and what it means in our vocabulary.</summary>
internal sealed record WordModel(string Wire, string Meaning);

internal sealed record TaskTimingModel(
    int DownloadUrlLifetimeSeconds,
    int CallbackChallengeSeconds,
    int PollIntervalSeconds,
    int PollIntervalMaxSeconds,
    int PollIntervalWhenRateLimitedSeconds,
    int TypicalRenderMinSeconds,
    int TypicalRenderMaxSeconds,
    int LongestRenderSeconds,
    string Source);

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
