using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Hailuo.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster the tests start themselves: initdb in a temporary folder, a free loopback port, the
/// unix socket in the same folder, a random password; stopped and deleted on dispose. PostgreSQL refuses to run as
/// root, so as root the server runs as Debian's <c>postgres</c> user, which owns the folder.
/// </summary>
public sealed class PostgreSqlCluster : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly string _bin;
    private readonly string _data;

    private PostgreSqlCluster(string bin, string folder, int port, string password)
    {
        _bin = bin;
        Folder = folder;
        _data = Path.Combine(folder, "data");
        Port = port;
        ConnectionString = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres;Pooling=true");
    }

    /// <summary>The folder holding the data directory, the socket and the server log.</summary>
    public string Folder { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Connects as the cluster's superuser over TCP on 127.0.0.1.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Starts a new cluster; <paramref name="durable"/> keeps fsync on (for measurements), otherwise commits skip the disk
    /// flush to keep tests fast. <paramref name="maxConnections"/> covers every pool the test's processes open.
    /// </summary>
    public static async Task<PostgreSqlCluster> StartAsync(bool durable = false, int maxConnections = 200)
    {
        var bin = FindBinaries();
        var root = Environment.IsPrivilegedProcess ? "/tmp" : Path.GetTempPath();
        var folder = Path.Combine(root, "hailuo-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllTextAsync(Path.Combine(folder, "password"), password);
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgres: false);
        }

        var cluster = new PostgreSqlCluster(bin, folder, FreePort(), password);
        try
        {
            await cluster.RunAsync("initdb", ["-D", cluster._data, "-U", "postgres", "--auth=scram-sha-256", "--pwfile=" + Path.Combine(folder, "password"), "-E", "UTF8", "--locale=C", "--no-sync"]);
            File.Delete(Path.Combine(folder, "password"));
            var settings = $"-c listen_addresses=127.0.0.1 -p {cluster.Port} -k {folder} -c max_connections={maxConnections}" + (durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            await cluster.RunAsync("pg_ctl", ["start", "-D", cluster._data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", settings]);
            return cluster;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            var log = Path.Combine(folder, "server.log");
            var tail = File.Exists(log) ? string.Join(" | ", File.ReadLines(log).TakeLast(5)) : "no server log";
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"The test PostgreSQL cluster did not start: {e.Message} Server log: {tail}", e);
        }
    }

    /// <summary>Stops the server at once and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            await RunAsync("pg_ctl", ["stop", "-D", _data, "-m", "immediate", "-w", "-t", "60"]);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>The newest server under /usr/lib/postgresql/*/bin (Debian's layout).</summary>
    private static string FindBinaries()
    {
        const string Root = "/usr/lib/postgresql";
        var bin = Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException($"No PostgreSQL server under {Root}/*/bin: run 'bash build.sh test', which installs Debian's postgresql, or 'apt-get install postgresql'.");
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        // runuser (util-linux) drops root to the postgres user that Debian's package creates.
        var (command, args) = asPostgres && Environment.IsPrivilegedProcess ? ("runuser", new[] { "-u", "postgres", "--", file }.Concat(arguments)) : (file, arguments);
        var (exit, output) = await ProcessRunner.RunAsync(command, args, "/", Deadline);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {exit}: {output.Trim()}");
        }
    }

    private Task RunAsync(string tool, IReadOnlyList<string> arguments) => RunAsync(Path.Combine(_bin, tool), arguments, asPostgres: true);
}
