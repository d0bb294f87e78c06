namespace Hailuo.MockServer;

/// <summary>Which documented set of status words the APIMart dialect writes; the sources disagree (see docs/SIMULATOR.md).</summary>
public enum ApiMartStatusWords
{
    /// <summary>The design card's sequence (seed 000): submitted, queued, processing, completed, failed.</summary>
    DesignCard,

    /// <summary>APIMart's task-status page: pending (before processing), processing, completed, failed.</summary>
    StatusPage,

    /// <summary>Seed 002: submitted, queued, processing, success, failed.</summary>
    Seed002,
}
