namespace Hailuo.Cli.Workers;

/// <summary>What `hailuo worker` was asked for, as given.</summary>
internal sealed record WorkerArguments(
    string Store,
    int Workers,
    string? OutputFolder,
    string? Listen,
    string? CallbackBase,
    bool Dashboard,
    TimeSpan? Lease,
    TimeSpan? PollInterval,
    Hailuo.Jobs.SharedBudget? Budget,
    string? Provider,
    string? BaseUrl,
    bool Verbose);
