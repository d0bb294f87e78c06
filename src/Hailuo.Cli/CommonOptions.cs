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

    public static Option<string?> BaseUrl() => new("--base-url")
    {
        Description = "Another base address: a company gateway, or a standalone simulator (`hailuo sim`). The key still comes from the environment.",
    };

    /// <summary>The --base-url value as an address, or the error naming it; null stays null.</summary>
    public static (Uri? Address, string? Problem) ParseBaseUrl(string? value) =>
        value is null ? (null, null)
        : Uri.TryCreate(value, UriKind.Absolute, out var address) && Hailuo.Contracts.ImageReferenceForm.IsHttpUrl(value) ? (address, null)
        : (null, $"--base-url '{value}' is not an absolute http(s) URL, such as http://127.0.0.1:5080.");

    public static Option<bool> Draft() => new("--draft")
    {
        Description = "Render every shot at the cheapest resolution and duration the model allows, with the same prompts, camera moves and images; the film is written beside --out as NAME.draft.mp4.",
    };

    public static Option<int[]> Redo() => new("--redo")
    {
        Description = "Render shot N again as a new take, though nothing changed (repeatable); the film uses the newest take unless the storyboard pins one.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<string?> Model() => new("--model") { Description = "Model id, such as MiniMax-Hailuo-02 (default: the provider's first)." };
}
