using Hailuo.Testing;
using Npgsql;

namespace Hailuo.Jobs.Stores.Tests;

/// <summary>One throwaway cluster for every PostgreSQL test of this project; each test takes its own schema in it.</summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private PostgreSqlCluster? _cluster;

    public PostgreSqlCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public string ConnectionString => Cluster.ConnectionString;

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N");

    /// <summary>Runs SQL as the cluster's superuser; returns the first column of the first row.</summary>
    public async Task<object?> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async Task DropSchemaAsync(string schema) => await ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE;");

    public async Task InitializeAsync() => _cluster = await PostgreSqlCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>The tests sharing <see cref="PostgreSqlFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlTests : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSQL";
}
