using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace Hailuo.Jobs.PostgreSql;

/// <summary>Reads a connection string and opens the first connection, turning the driver's failures into one line that names the server.</summary>
internal static class PostgreSqlConnection
{
    private const string Example = "'Host=127.0.0.1;Port=5432;Database=hailuo;Username=hailuo;Password=...'";

    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The driver's reason names the keyword or value, never echoing the whole string (it may hold a password).
            throw new PostgreSqlLedgerException($"the PostgreSQL connection string is not valid: {Reason(e)}; it must be keyword=value pairs such as {Example}.", e);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new PostgreSqlLedgerException($"the PostgreSQL connection string names no Host; it must be keyword=value pairs such as {Example}.");
        }

        return builder;
    }

    // Npgsql says "Couldn't set port"; the inner exception says whether the keyword or its value is wrong.
    private static string Reason(Exception e) => e switch
    {
        ArgumentException { ParamName: { } keyword, InnerException: KeyNotFoundException } => $"'{keyword}' is not a keyword it knows",
        ArgumentException { ParamName: { } keyword, InnerException: { } inner } => $"'{keyword}' has a value it cannot read ({inner.Message.TrimEnd('.')})",
        _ => e.Message.TrimEnd('.'),
    };

    public static string Where(NpgsqlConnectionStringBuilder builder) =>
        string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? "(default database)"}");

    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource source, string where, CancellationToken cancellationToken)
    {
        try
        {
            return await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new PostgreSqlLedgerException($"PostgreSQL at {where} refused the ledger's connection: {e.MessageText} (SQLSTATE {e.SqlState}).", e);
        }
        catch (NpgsqlException e) when (e.InnerException is SocketException or TimeoutException or IOException)
        {
            throw new PostgreSqlLedgerException($"PostgreSQL at {where} cannot be reached: {e.InnerException!.Message.TrimEnd('.')}; is the server running and listening there?", e);
        }
    }
}
