using System.Diagnostics;
using System.Globalization;
using Hailuo.Jobs.Hangfire.Tests.Support;
using Npgsql;

namespace Hailuo.Scale;

/// <summary>
/// One worker process with more and more renders waiting (submitted, never finished: the simulator's renders take 12
/// hours): at each point its working set, GC heap after a full collection, and thread count.
/// </summary>
internal sealed class MemoryRun(PostgresCluster cluster, MemorySettings settings, TextWriter output)
{
    public async Task RunAsync()
    {
        await using var deployment = await Deployment.StartAsync(cluster, s =>
        {
            s.QueuedAfter = TimeSpan.FromSeconds(1);
            s.ProcessingAfter = TimeSpan.FromSeconds(2);
            s.CompletedAfter = TimeSpan.FromHours(12);
        });
        var samples = Path.Combine(deployment.Folder, "gc-sample");
        // The worker loads StartupHook from this assembly; its polls come at the interval asked here, not the tests' 1 s.
        var environment = new Dictionary<string, string>(Deployment.Environment) { ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location, ["HAILUO_SCALE_SAMPLES"] = samples };
        string[] arguments = ["--store", deployment.ConnectionString, "--base-url", deployment.Simulator.BaseAddress.AbsoluteUri, "--out", deployment.OutputFolder, "--workers", settings.Workers.ToString(CultureInfo.InvariantCulture), "--poll-interval", settings.PollInterval.ToString("c", CultureInfo.InvariantCulture)];
        using var worker = await WorkerProcess.StartAsync(arguments, environment);
        await using var database = NpgsqlDataSource.Create(deployment.ConnectionString);

        await output.WriteLineAsync($"one worker process, {settings.Workers} Hangfire workers, a poll every {settings.PollInterval.TotalSeconds:F0} s per waiting render");
        await output.WriteLineAsync("| renders waiting | at (s) | working set | GC heap after a full collection | GC committed | threads (process) | thread-pool threads | DB connections | steps enqueued / due, not enqueued | load |");
        await output.WriteLineAsync("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var clock = Stopwatch.StartNew();
        var started = 0;
        foreach (var point in settings.Points)
        {
            for (; started < point; started++)
            {
                await deployment.Jobs.StartAsync($"clip-{started + 1}", Deployment.Clip($"clip-{started + 1}"));
            }

            await deployment.WaitForAsync(jobs => jobs.Count(j => j.State == JobState.Submitted && j.TaskId is not null) >= point, TimeSpan.FromMinutes(10));
            // Every waiting render goes through a few poll rounds before the sample.
            await Task.Delay(settings.Settle);
            await output.WriteLineAsync(await SampleAsync(worker, samples, database, point, clock.Elapsed));
        }

        for (var i = 0; i < settings.LastPointSamples; i++)
        {
            await Task.Delay(settings.Settle);
            await output.WriteLineAsync(await SampleAsync(worker, samples, database, started, clock.Elapsed));
        }

        var waiting = (await deployment.Ledger.ListAsync()).Count(j => j.State == JobState.Submitted);
        await output.WriteLineAsync($"at the end: {waiting} jobs Submitted (waiting), {deployment.Simulator.Admin.Tasks.Count} tasks on the simulator");
    }

    private static async Task<string> SampleAsync(WorkerProcess worker, string samples, NpgsqlDataSource database, int waiting, TimeSpan at)
    {
        // Ask the worker's hook for a full collection, then take the line it writes after it (bounded).
        var asked = DateTime.UtcNow;
        await File.WriteAllTextAsync(samples + ".collect", string.Empty);
        while (File.Exists(samples + ".collect") && DateTime.UtcNow - asked < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        var gc = (await File.ReadAllTextAsync(samples)).Split(' ');
        var process = ProcessStats.Read(worker.Id) ?? throw new InvalidOperationException("The worker process is gone: " + worker.Output);
        var queue = await HangfireQueue.ReadAsync(database);
        return string.Create(CultureInfo.InvariantCulture, $"| {waiting} | {at.TotalSeconds:F0} | {process.ResidentBytes / 1048576.0:F0} MB | {long.Parse(gc[1], CultureInfo.InvariantCulture) / 1048576.0:F1} MB | {long.Parse(gc[3], CultureInfo.InvariantCulture) / 1048576.0:F0} MB | {process.Threads} | {gc[4]} | {queue.Connections} | {queue.Enqueued} / {queue.Overdue} | {MachineLoad.Now()} |");
    }
}

/// <summary>How the memory run is paced: where it samples, and how long it lets the renders wait before each sample.</summary>
internal sealed record MemorySettings(int Workers, TimeSpan PollInterval, IReadOnlyList<int> Points, TimeSpan Settle, int LastPointSamples);
