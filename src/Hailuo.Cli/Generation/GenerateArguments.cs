namespace Hailuo.Cli.Generation;

/// <summary>What `hailuo generate` was asked for, as typed.</summary>
internal sealed record GenerateArguments(
    string Prompt,
    string Provider,
    string? Model,
    string? Resolution,
    int? Duration,
    string? FirstFrame,
    string? LastFrame,
    string? Subject,
    IReadOnlyList<string> Camera,
    bool NoOptimizer,
    string? CallbackUrl,
    FileInfo Out,
    bool Sim,
    bool Verbose,
    bool Stitch = false,
    FileInfo? Ledger = null,
    decimal? Budget = null,
    string? BaseUrl = null);
