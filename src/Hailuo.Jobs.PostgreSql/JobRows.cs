using Npgsql;
using NpgsqlTypes;

namespace Hailuo.Jobs.PostgreSql;

/// <summary>A <see cref="JobRecord"/> as the ledger's row: the columns in PostgreSqlJobStore's order, times as UTC timestamptz.</summary>
internal static class JobRows
{
    public static JobRecord Read(NpgsqlDataReader r) => new()
    {
        Key = r.GetString(0),
        Provider = r.GetString(1),
        State = Enum.Parse<JobState>(r.GetString(2)),
        Request = r.GetString(3),
        EstimatedDollars = r.IsDBNull(4) ? null : r.GetDecimal(4),
        CallbackUrl = r.IsDBNull(5) ? null : r.GetString(5),
        TaskId = r.IsDBNull(6) ? null : r.GetString(6),
        Submits = r.GetInt32(7),
        SubmitSentAt = Time(r, 8),
        Location = r.IsDBNull(9) ? null : r.GetString(9),
        Sha256 = r.IsDBNull(10) ? null : r.GetString(10),
        Bytes = r.IsDBNull(11) ? null : r.GetInt64(11),
        Error = r.IsDBNull(12) ? null : r.GetString(12),
        CreatedAt = Time(r, 13)!.Value,
        UpdatedAt = Time(r, 14)!.Value,
        CompletedAt = Time(r, 15),
        Version = r.GetInt64(16),
        ChallengedAt = Time(r, 17),
    };

    public static void Bind(NpgsqlCommand command, JobRecord job)
    {
        var p = command.Parameters;
        p.AddWithValue("key", job.Key);
        p.AddWithValue("provider", job.Provider);
        p.AddWithValue("state", job.State.ToString());
        p.AddWithValue("request", job.Request);
        p.Add(Nullable("estimated_dollars", NpgsqlDbType.Numeric, job.EstimatedDollars));
        p.Add(Nullable("callback_url", NpgsqlDbType.Text, job.CallbackUrl));
        p.Add(Nullable("task_id", NpgsqlDbType.Text, job.TaskId));
        p.AddWithValue("submits", job.Submits);
        p.Add(Nullable("submit_sent_at", NpgsqlDbType.TimestampTz, job.SubmitSentAt?.ToUniversalTime()));
        p.Add(Nullable("location", NpgsqlDbType.Text, job.Location));
        p.Add(Nullable("sha256", NpgsqlDbType.Text, job.Sha256));
        p.Add(Nullable("bytes", NpgsqlDbType.Bigint, job.Bytes));
        p.Add(Nullable("error", NpgsqlDbType.Text, job.Error));
        p.AddWithValue("created_at", job.CreatedAt.ToUniversalTime());
        p.AddWithValue("updated_at", job.UpdatedAt.ToUniversalTime());
        p.Add(Nullable("completed_at", NpgsqlDbType.TimestampTz, job.CompletedAt?.ToUniversalTime()));
        p.AddWithValue("version", job.Version);
        p.Add(Nullable("challenged_at", NpgsqlDbType.TimestampTz, job.ChallengedAt?.ToUniversalTime()));
    }

    // PostgreSQL keeps the instant, not the offset it was written in: the record reads back at UTC.
    private static DateTimeOffset? Time(NpgsqlDataReader r, int column) =>
        r.IsDBNull(column) ? null : r.GetFieldValue<DateTimeOffset>(column);

    private static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) => new(name, type) { Value = value ?? DBNull.Value };
}
