using System.Linq;

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
    EquatableArray<ProviderModel> Providers)
{
    /// <summary>The generated catalog class of the spec file, such as HailuoSpec.</summary>
    public string CatalogClass => CatalogClassOf(FileStem);

    public static string CatalogClassOf(string fileStem) => $"{fileStem}Spec";

    /// <summary>What each mode carries besides the prompt (the spec's "modes"); empty when the file leaves it to the packaged spec.</summary>
    public EquatableArray<ModeInputModel> ModeInputs { get; init; } = EquatableArray<ModeInputModel>.Empty;

    /// <summary>
    /// The spec with each model cut to its id and member, and without the modes' inputs: what the spec-wide and
    /// per-provider files may read, so a model's prices, modes and defaults, and a mode's images, reach only the per-model nodes.
    /// </summary>
    public SpecModel Outline() => this with
    {
        Providers = Providers.Select(p => p with { Models = p.Models.Select(m => m.Outline()).ToEquatableArray() }).ToEquatableArray(),
        ModeInputs = EquatableArray<ModeInputModel>.Empty,
    };
}

/// <summary>What one wire dialect says: endpoints, its status words and error codes, mapped to our words.</summary>
internal sealed record DialectModel(
    string Name,
    string Submit,
    string Status,
    string? FileRetrieve,
    EquatableArray<WordModel> StatusWords,
    EquatableArray<WordModel> ErrorCodes,
    string Source)
{
    /// <summary>Whether API errors travel inside an HTTP 200 body ("in-body") rather than as the HTTP status ("http-status"); null when the spec does not say.</summary>
    public bool? ErrorsInBody { get; init; }

    /// <summary>The header that carries the service's trace id on every answer, where the sources name one.</summary>
    public string? TraceIdHeader { get; init; }
}

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
    string Source)
{
    /// <summary>The model's own default resolution, where it differs from the provider's; null otherwise.</summary>
    public string? DefaultResolution { get; init; }

    /// <summary>The model's own default duration, with DefaultResolution.</summary>
    public int DefaultDuration { get; init; }

    /// <summary>Whether the provider documents the bracketed camera commands for this model.</summary>
    public bool CameraCommands { get; init; } = true;

    /// <summary>The model's id and member only (see <see cref="SpecModel.Outline"/>).</summary>
    public ModelModel Outline() => new(Id, Member, EquatableArray<PriceModel>.Empty, EquatableArray<ModeModel>.Empty, string.Empty);
}

/// <summary>
/// The price at one resolution as the literals written in the spec: dollars per second, or dollars per clip of each
/// duration; both null/empty when unpublished.
/// </summary>
internal sealed record PriceModel(string Resolution, string? DollarsPerSecond, EquatableArray<ClipPriceModel> Clips);

/// <summary>Dollars for one clip of this many seconds.</summary>
internal sealed record ClipPriceModel(int Seconds, string Dollars);

/// <summary>An input mode: its matrix and the wire fields it requires (empty: the prompt only, the default).</summary>
internal sealed record ModeModel(string Mode, EquatableArray<MatrixRowModel> Matrix, EquatableArray<string> Requires, string Source)
{
    /// <summary>Whether the mode requires a prompt.</summary>
    public bool RequiresPrompt => MatrixRule.RequiresPrompt(Requires);

    /// <summary>The images the mode carries, from the spec's "modes"; null when no spec read defines the mode.</summary>
    public ModeInputModel? Inputs { get; init; }
}

/// <summary>A mode as the spec's "modes" defines it: the images it carries besides the prompt, in the builder's order.</summary>
internal sealed record ModeInputModel(string Mode, EquatableArray<ModeImageModel> Images, string Source);

/// <summary>An image a mode carries: its wire field and the member the builders and drafts name it by.</summary>
internal sealed record ModeImageModel(string Field, string Member)
{
    /// <summary>The builder's parameter for the image, such as firstFrame.</summary>
    public string Parameter => char.ToLowerInvariant(Member[0]) + Member.Substring(1);
}

internal sealed record MatrixRowModel(string Resolution, EquatableArray<int> Durations);
