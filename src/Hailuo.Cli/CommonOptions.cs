using System.CommandLine;

namespace Hailuo.Cli;

/// <summary>Options several commands share, so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Provider() => new("--provider")
    {
        Description = "apimart or minimax.",
        DefaultValueFactory = _ => "apimart",
    };

    public static Option<bool> Sim() => new("--sim") { Description = "Run against the embedded simulator: no key, no cost." };

    public static Option<FileInfo?> Ledger() => new("--ledger")
    {
        Description = "The job ledger (SQLite) that makes a rerun resume: stored shots are not submitted again (default: <out>.ledger.db).",
    };

    public static Option<decimal?> Budget() => new("--budget") { Description = "A spending cap in US dollars: refused before any request when the shots still to make cost more." };

    public static Option<string?> Model() => new("--model") { Description = "Model id, such as MiniMax-Hailuo-02 (default: the provider's first)." };
}
