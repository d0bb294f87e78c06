namespace Hailuo.Jobs.PostgreSql;

/// <summary>The PostgreSQL ledger cannot be opened; the message is one line naming the server and what is wrong, never the password.</summary>
public sealed class PostgreSqlLedgerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PostgreSqlLedgerException()
    {
    }

    /// <summary>Creates the exception with its one-line message.</summary>
    public PostgreSqlLedgerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and the driver's error.</summary>
    public PostgreSqlLedgerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
