using System.Diagnostics;
using Hailuo.Jobs.Hangfire.Tests.Support;
using Npgsql;

namespace Hailuo.Scale;

/// <summary>
/// One throughput run: a fresh database, <c>processes</c> `hailuo worker` processes of <c>workers</c> Hangfire workers
/// each, a simulator on the system clock whose renders take <c>render</c>; every job started at once, timed until the
/// last is stored. CPU is read from /proc for the workers, this process (simulator and client) and the PostgreSQL server.
/// </summary>
internal sealed class ThroughputRun(PostgresCluster cluster, ThroughputSettings settings)
{
    public async Task<ThroughputRow> RunAsync(int processes)
    {
        await using var deployment = await Deployment.StartAsync(cluster, s =>
        {
            s.QueuedAfter = settings.Render / 4;
            s.ProcessingAfter = settings.Render / 2;
            s.CompletedAfter = settings.Render;
        });
        if (settings.Latency > TimeSpan.Zero)
        {
            // Every answer of the simulator (submit, poll, download) takes this long, as over the internet.
            deployment.Simulator.Server.AddGlobalProcessingDelay(settings.Latency);
        }

        var workers = new List<WorkerProcess>();
        for (var i = 0; i < processes; i++)
        {
            workers.Add(await deployment.StartWorkerAsync(settings.Workers));
        }

        var port = new NpgsqlConnectionStringBuilder(deployment.ConnectionString).Port;
        await using var database = NpgsqlDataSource.Create(deployment.ConnectionString);
        var loadBefore = MachineLoad.Now();
        var cpuBefore = Cpu(workers, port);
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var sampling = SampleAsync(database, stop.Token);
        for (var i = 1; i <= settings.Jobs; i++)
        {
            await deployment.Jobs.StartAsync($"clip-{i}", Deployment.Clip($"clip-{i}"));
        }

        var startedIn = clock.Elapsed;
        var jobs = await deployment.WaitUntilSettledAsync(settings.Jobs, settings.Deadline);
        var wall = clock.Elapsed;
        await stop.CancelAsync();
        var samples = await sampling;
        var cpuAfter = Cpu(workers, port);
        await using var steps = database.CreateCommand("SELECT count(*) FROM hailuo_hangfire.state WHERE name = 'Processing'");
        var stepCount = (long)(await steps.ExecuteScalarAsync())!;
        var paidTwice = deployment.TasksPerKey().Count(p => p.Value > 1);
        return new ThroughputRow(
            processes,
            settings.Workers,
            settings.Jobs,
            jobs.Count(j => j.State == JobState.Stored),
            paidTwice,
            startedIn,
            wall,
            stepCount,
            cpuAfter.Workers - cpuBefore.Workers,
            cpuAfter.Tool - cpuBefore.Tool,
            cpuAfter.Server - cpuBefore.Server,
            samples,
            loadBefore,
            MachineLoad.Now());
    }

    private static (double Workers, double Tool, double Server) Cpu(List<WorkerProcess> workers, int port) =>
        (workers.Sum(w => ProcessStats.Read(w.Id)?.CpuSeconds ?? double.NaN), ProcessStats.Read(Environment.ProcessId)!.Value.CpuSeconds, ProcessStats.ServerCpuSeconds(port));

    /// <summary>Hangfire's queues every 2 s until stopped.</summary>
    private static async Task<IReadOnlyList<HangfireQueue>> SampleAsync(NpgsqlDataSource database, CancellationToken stop)
    {
        var samples = new List<HangfireQueue>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                samples.Add(await HangfireQueue.ReadAsync(database));
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }

        return samples;
    }
}
