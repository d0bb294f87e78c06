namespace Hailuo.Jobs.PostgreSql;

/// <summary>Where the PostgreSQL ledger keeps its tables and which clock its leases run on.</summary>
public sealed class PostgreSqlJobStoreOptions
{
    /// <summary>The schema holding the ledger's tables (created when missing): lower-case letters, digits and '_', starting with a letter or '_', up to 63.</summary>
    public string Schema { get; set; } = "hailuo";

    /// <summary>
    /// The clock leases run on. Null (the default) is the PostgreSQL server's own clock, one clock for every worker
    /// however their machines' clocks drift; a <see cref="TimeProvider"/> here (a test's fake clock) replaces it.
    /// </summary>
    public TimeProvider? Clock { get; set; }
}
