using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Hailuo.Jobs.Hangfire.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster of the tests' own: initdb in a temporary folder, a free loopback port, its unix socket
/// in the same folder, a random password; run as the `postgres` user when the tests run as root (PostgreSQL refuses root).
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hailuo-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private int _databases;

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>A connection string to a new, empty database of this cluster.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = "t" + Interlocked.Increment(ref _databases);
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <summary>A connection string to <paramref name="database"/>.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = "postgres", Password = _password, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var passwordFile = Path.Combine(_folder, "pw");
        await File.WriteAllTextAsync(passwordFile, _password);
        if (AsRoot)
        {
            await RunAsync("chown", "-R", "postgres:postgres", _folder);
        }

        await PostgresAsync("initdb", "-D", DataFolder, "-U", "postgres", "--pwfile", passwordFile, "-A", "scram-sha-256", "--no-sync", "-E", "UTF8");
        Port = FreePort();
        var settings = $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await PostgresAsync("pg_ctl", "-D", DataFolder, "-o", settings, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start");
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await PostgresAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static bool AsRoot => Environment.UserName == "root";

    private static Task PostgresAsync(string tool, params string[] arguments) =>
        AsRoot ? RunAsync("runuser", ["-u", "postgres", "--", tool, .. arguments]) : RunAsync(tool, arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var (exit, output) = await Hailuo.Testing.ProcessRunner.RunAsync(file, arguments, Path.GetTempPath(), TimeSpan.FromMinutes(2));
        if (exit != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {exit}: {output}");
        }
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
