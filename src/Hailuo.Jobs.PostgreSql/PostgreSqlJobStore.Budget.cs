using Npgsql;

namespace Hailuo.Jobs.PostgreSql;

/// <summary>Shared budgets: each charge is one transaction holding the budget's advisory lock, so racing workers cannot both fit under the cap.</summary>
public sealed partial class PostgreSqlJobStore
{
    /// <inheritdoc/>
    public async Task<BudgetCharge> TryChargeAsync(string budget, string chargeKey, decimal dollars, decimal capDollars, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(budget);
        ArgumentException.ThrowIfNullOrWhiteSpace(chargeKey);
        ArgumentOutOfRangeException.ThrowIfNegative(dollars);
        ArgumentOutOfRangeException.ThrowIfNegative(capDollars);

        // Not cancellable once started: a half-known charge is worse than a late one.
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        await using var read = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock(hashtext('hailuo budget ' || @schema || ' ' || @budget));
            SELECT EXISTS (SELECT 1 FROM {_charges} WHERE budget = @budget AND charge_key = @key), coalesce(sum(dollars), 0) FROM {_charges} WHERE budget = @budget;
            """,
            connection,
            transaction);
        read.Parameters.AddWithValue("schema", Schema);
        read.Parameters.AddWithValue("budget", budget);
        read.Parameters.AddWithValue("key", chargeKey);
        bool charged;
        decimal taken;
        await using (var reader = await read.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false);
            await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            (charged, taken) = (reader.GetBoolean(0), reader.GetDecimal(1));
        }

        if (!charged && taken + dollars > capDollars)
        {
            return new BudgetCharge(false, taken, capDollars);
        }

        if (!charged)
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {_charges} (budget, charge_key, dollars) VALUES (@budget, @key, @dollars);", connection, transaction);
            insert.Parameters.AddWithValue("budget", budget);
            insert.Parameters.AddWithValue("key", chargeKey);
            insert.Parameters.AddWithValue("dollars", dollars);
            await insert.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            taken += dollars;
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return new BudgetCharge(true, taken, capDollars);
    }

    /// <inheritdoc/>
    public async Task RefundAsync(string budget, string chargeKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(budget);
        ArgumentException.ThrowIfNullOrWhiteSpace(chargeKey);
        await using var command = _source.CreateCommand($"DELETE FROM {_charges} WHERE budget = @budget AND charge_key = @key;");
        command.Parameters.AddWithValue("budget", budget);
        command.Parameters.AddWithValue("key", chargeKey);
        await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<decimal> ChargedAsync(string budget, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(budget);
        await using var command = _source.CreateCommand($"SELECT coalesce(sum(dollars), 0) FROM {_charges} WHERE budget = @budget;");
        command.Parameters.AddWithValue("budget", budget);
        return (decimal)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
