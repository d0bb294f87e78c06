using Npgsql;

namespace Hailuo.Scale;

/// <summary>
/// Where steps wait in Hangfire's PostgreSQL tables at one moment: enqueued and not yet fetched by a worker (workers are
/// the limit), fetched (running), scheduled and already due but not yet enqueued (the schedule poller is the limit),
/// and the database's open connections.
/// </summary>
internal readonly record struct HangfireQueue(long Enqueued, long Running, long Overdue, long Scheduled, long Connections)
{
    private const string Query = """
        SELECT
          (SELECT count(*) FROM hailuo_hangfire.jobqueue WHERE fetchedat IS NULL),
          (SELECT count(*) FROM hailuo_hangfire.jobqueue WHERE fetchedat IS NOT NULL),
          (SELECT count(*) FROM hailuo_hangfire.set WHERE key = 'schedule' AND score < extract(epoch FROM now())),
          (SELECT count(*) FROM hailuo_hangfire.set WHERE key = 'schedule'),
          (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database());
        """;

    public static async Task<HangfireQueue> ReadAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(Query);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new HangfireQueue(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
