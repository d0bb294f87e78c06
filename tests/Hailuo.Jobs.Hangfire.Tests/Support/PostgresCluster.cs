using Hailuo.Testing;
using Npgsql;

namespace Hailuo.Jobs.Hangfire.Tests.Support;

/// <summary>The tests' own throwaway PostgreSQL cluster (<see cref="PostgreSqlCluster"/>), shared by a collection, one database per test.</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private PostgreSqlCluster? _cluster;
    private int _databases;

    private PostgreSqlCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>A connection string to a new, empty database of this cluster.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = "t" + Interlocked.Increment(ref _databases);
        await using (var connection = new NpgsqlConnection(Cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <summary>A connection string to <paramref name="database"/>.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Cluster.ConnectionString) { Database = database, MaxPoolSize = 20 }.ConnectionString;

    /// <inheritdoc/>
    public async Task InitializeAsync() => _cluster = await PostgreSqlCluster.StartAsync(maxConnections: 300);

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort() => PostgreSqlCluster.FreePort();
}
