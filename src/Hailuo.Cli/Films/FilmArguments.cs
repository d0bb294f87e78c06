namespace Hailuo.Cli.Films;

/// <summary>Where a film of chained or independent shots goes, and how it is kept and paid for.</summary>
internal sealed record FilmArguments(FileInfo Out, FileInfo? Ledger, decimal? Budget, bool Sim, bool Verbose)
{
    /// <summary>The ledger: --ledger, or beside the film as "film.mp4.ledger.db".</summary>
    public string LedgerPath => Ledger?.FullName ?? Out.FullName + ".ledger.db";

    /// <summary>Where the shots' clips are kept until they are stitched, and after, for a rerun.</summary>
    public string ClipsFolder => Out.FullName + ".clips";
}
