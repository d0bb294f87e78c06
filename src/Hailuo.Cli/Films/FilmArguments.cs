namespace Hailuo.Cli.Films;

/// <summary>Where a film of chained or independent shots goes, and how it is kept, cut and paid for.</summary>
internal sealed record FilmArguments(FileInfo Out, FileInfo? Ledger, decimal? Budget, bool Sim, bool Verbose)
{
    /// <summary>The draft cut: the cheapest resolution and duration, written beside --out as a draft.</summary>
    public bool Draft { get; init; }

    /// <summary>Shot numbers to render again as a new take.</summary>
    public IReadOnlyList<int> Redo { get; init; } = [];

    /// <summary>--base-url as typed, checked before anything.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The ledger: --ledger, or beside the film as "film.mp4.ledger.db"; drafts and finals share it, never a job.</summary>
    public string LedgerPath => Ledger?.FullName ?? Out.FullName + ".ledger.db";

    /// <summary>Where the shots' clips are kept until they are stitched, and after, for a rerun.</summary>
    public string ClipsFolder => Out.FullName + ".clips";

    /// <summary>The film this run writes: --out, or for a draft "film.draft.mp4" beside it.</summary>
    public string FilmPath => Draft ? DraftPath(Out.FullName) : Out.FullName;

    /// <summary>The contact sheet beside the film: "film.mp4.contact.png".</summary>
    public string ContactSheetPath => FilmPath + ".contact.png";

    private static string DraftPath(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + ".draft" + (Path.HasExtension(path) ? Path.GetExtension(path) : ".mp4"));
}
