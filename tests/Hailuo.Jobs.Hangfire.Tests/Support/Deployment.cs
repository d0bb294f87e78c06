using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Hailuo.Jobs.Hangfire.Tests.Support;

/// <summary>
/// One test's deployment: a database of the shared cluster, one simulator on loopback with the system clock, worker
/// processes (`hailuo worker`), and this test process as a client that starts jobs and reads the ledger.
/// </summary>
internal sealed class Deployment : IAsyncDisposable
{
    public const string Key = "sk-hangfire-0123456789";

    private readonly List<WorkerProcess> _workers = [];
    private readonly ServiceProvider _client;
    private readonly ITimer _clock;
    private readonly HttpClient _callbackClient;

    private Deployment(HailuoSimulator simulator, CallbackLog callbacks, HttpClient callbackClient, string connectionString, string folder, ServiceProvider client)
    {
        Simulator = simulator;
        Callbacks = callbacks;
        _callbackClient = callbackClient;
        ConnectionString = connectionString;
        Folder = folder;
        _client = client;

        // Worker processes run on the system clock: the simulator's clock follows it.
        var last = TimeProvider.System.GetTimestamp();
        _clock = TimeProvider.System.CreateTimer(
            _ =>
            {
                var now = TimeProvider.System.GetTimestamp();
                simulator.Clock.Advance(TimeProvider.System.GetElapsedTime(last, now));
                last = now;
            },
            null,
            TimeSpan.FromMilliseconds(100),
            TimeSpan.FromMilliseconds(100));
    }

    public HailuoSimulator Simulator { get; }

    /// <summary>The callbacks the simulator sent, with the receiver's answers as it saw them.</summary>
    public CallbackLog Callbacks { get; }

    public string ConnectionString { get; }

    public string Folder { get; }

    public string OutputFolder => Path.Combine(Folder, "videos");

    public HailuoHangfireJobs Jobs => _client.GetRequiredService<HailuoHangfireJobs>();

    public HailuoJobSteps Steps => _client.GetRequiredService<HailuoJobSteps>();

    public IJobStore Ledger => _client.GetRequiredService<IJobStore>();

    public IBackgroundJobClient Hangfire => _client.GetRequiredService<IBackgroundJobClient>();

    public JobStorage Storage => _client.GetRequiredService<JobStorage>();

    public static async Task<Deployment> StartAsync(PostgresCluster cluster, Action<SimulatorOptions>? simulator = null, Action<HailuoJobOptions>? jobs = null)
    {
        var callbacks = new CallbackLog();
        var callbackClient = new HttpClient(callbacks);
        var options = new SimulatorOptions { CallbackClient = callbackClient, AcceptedKeys = { Key }, QueuedAfter = TimeSpan.FromMilliseconds(200), ProcessingAfter = TimeSpan.FromMilliseconds(400), CompletedAfter = TimeSpan.FromSeconds(1) };
        simulator?.Invoke(options);
        var sim = await HailuoSimulator.StartAsync(options);
        var connectionString = await cluster.NewDatabaseAsync();
        var folder = Path.Combine(Path.GetTempPath(), "hailuo-hangfire-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var services = new ServiceCollection();
        services.AddHailuoClient(o =>
        {
            o.Provider = HailuoSpec.ApiMart.Name;
            o.ApiKey = Key;
            o.BaseAddress = sim.BaseAddress;
        });
        services.AddHailuoJobs(o =>
        {
            o.OutputFolder = Path.Combine(folder, "videos");
            jobs?.Invoke(o.Jobs);
        }).AddHailuoJobsOnHangfire(connectionString, h => h.WorkerCount = 0);
        return new Deployment(sim, callbacks, callbackClient, connectionString, folder, services.BuildServiceProvider());
    }

    /// <summary>Starts a worker process on this deployment; <paramref name="more"/> adds arguments, such as --lease.</summary>
    public async Task<WorkerProcess> StartWorkerAsync(int workers = 4, params string[] more)
    {
        var worker = await WorkerProcess.StartAsync(WorkerArguments(workers, more), Environment);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>The environment of a worker process: the simulator's key.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string> { ["APIMART_API_KEY"] = Key };

    /// <summary>Restarts a killed worker with the same arguments.</summary>
    public async Task<WorkerProcess> RestartAsync(WorkerProcess killed, int workers, params string[] more)
    {
        killed.Dispose();
        _workers.Remove(killed);
        return await StartWorkerAsync(workers, more);
    }

    private string[] WorkerArguments(int workers, string[] more) =>
        ["--store", ConnectionString, "--base-url", Simulator.BaseAddress.AbsoluteUri, "--out", OutputFolder, "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--poll-interval", "00:00:01", .. more];

    /// <summary>The prompt of job <paramref name="key"/>: the simulator's tasks are told apart by it.</summary>
    public static string PromptOf(string key) => "A lighthouse at dusk, clip " + key;

    public static VideoGenerationRequest Clip(string key) => new() { Model = HailuoSpec.ApiMart.Models[0].Id, Prompt = PromptOf(key), Resolution = "768p", Duration = 5 };

    /// <summary>The simulator's own count of tasks created for each job key (paid submits).</summary>
    public IReadOnlyDictionary<string, int> TasksPerKey() => Simulator.Admin.Tasks
        .GroupBy(t => t.Prompt)
        .ToDictionary(g => g.Key[(g.Key.LastIndexOf(' ') + 1)..], g => g.Count(), StringComparer.Ordinal);

    /// <summary>Waits (bounded) until <paramref name="done"/> holds for the ledger's jobs; the ledger as it stood at the end.</summary>
    public async Task<IReadOnlyList<JobRecord>> WaitForAsync(Func<IReadOnlyList<JobRecord>, bool> done, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var jobs = await Ledger.ListAsync();
            if (done(jobs))
            {
                return jobs;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"After {deadline}: {string.Join(", ", jobs.GroupBy(j => j.State).Select(g => $"{g.Count()} {g.Key}"))}; Hangfire: {HangfireSummary()}");
            }

            // A condition on another process's progress, checked twice a second within the deadline above.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>Hangfire's counts by state, and the last failure's words: what a timed-out test shows.</summary>
    public string HangfireSummary()
    {
        var monitoring = Storage.GetMonitoringApi();
        var stats = monitoring.GetStatistics();
        var failed = monitoring.FailedJobs(0, 1).Select(f => f.Value.ExceptionMessage).FirstOrDefault();
        var scheduled = monitoring.ScheduledJobs(0, 1).Select(s => $"{s.Value.EnqueueAt:O}: {monitoring.JobDetails(s.Key).History.FirstOrDefault()?.Reason}").FirstOrDefault();
        return $"{stats.Enqueued} enqueued, {stats.Scheduled} scheduled (first at {scheduled}), {stats.Processing} processing, {stats.Succeeded} succeeded, {stats.Failed} failed{(failed is null ? string.Empty : ": " + failed)}; now {DateTime.UtcNow:O}";
    }

    /// <summary>Whether Hangfire has no step enqueued or running (scheduled ones may wait).</summary>
    public bool HangfireIdle()
    {
        var stats = Storage.GetMonitoringApi().GetStatistics();
        return stats.Enqueued == 0 && stats.Processing == 0;
    }

    /// <summary>Waits until no job is still moving: each is stored, failed, or outcome unknown.</summary>
    public Task<IReadOnlyList<JobRecord>> WaitUntilSettledAsync(int count, TimeSpan deadline) =>
        WaitForAsync(jobs => jobs.Count == count && jobs.All(j => j.State.IsFinished() || j.State == JobState.OutcomeUnknown), deadline);

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        await _clock.DisposeAsync();

        await _client.DisposeAsync();
        await Simulator.DisposeAsync();
        _callbackClient.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A killed worker's staging file may still be held; the folder is under the temp path.
        }
    }
}
