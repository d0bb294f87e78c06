namespace Hailuo.Jobs.Tests.Support;

/// <summary>
/// One test's world: the in-memory simulator, virtual time, and a folder holding the ledger and the videos. Each
/// <see cref="StartProcess"/> is a new process on the same ledger: its own client, store and runner.
/// </summary>
internal sealed class JobWorld : IAsyncDisposable
{
    public const string Key = "sk-jobs-0123456789";

    private readonly List<JobProcess> _processes = [];

    private JobWorld(HailuoSimulator simulator, string folder)
    {
        Simulator = simulator;
        // Many jobs at once: a driver counting this world's client requests once each, holding deadlines for requests about to start.
        Time = new VirtualClockDriver(simulator.Clock, new RequestsInFlight())
        {
            HoldDeadlines = true,
            CountUntilBodyRead = true,
            StuckAfter = TimeSpan.FromSeconds(180),
        };
        Folder = folder;
    }

    public HailuoSimulator Simulator { get; }

    public VirtualClockDriver Time { get; }

    public string Folder { get; }

    public string LedgerPath => Path.Combine(Folder, "jobs.db");

    public string OutputFolder => Path.Combine(Folder, "videos");

    public static JobWorld Start(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { AcceptedKeys = { Key } };
        configure?.Invoke(options);
        var folder = Path.Combine(Path.GetTempPath(), "hailuo-jobs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new JobWorld(HailuoSimulator.StartInMemory(options), folder);
    }

    /// <summary>The client options a process uses: the simulator, virtual time, retries without jitter; APIMart unless MiniMax is asked for.</summary>
    public HailuoClientOptions ClientOptions(bool miniMax = false)
    {
        var options = (miniMax ? HailuoClientOptions.MiniMax(Key) : HailuoClientOptions.ApiMart(Key)).WithBaseAddress(Simulator.BaseAddress);
        options.TimeProvider = Time;
        options.Retry.UseJitter = false;
        return options;
    }

    /// <summary>A new process on the ledger; <paramref name="wrap"/> may put a handler (a kill switch) before the simulator.</summary>
    public JobProcess StartProcess(Action<HailuoJobOptions>? configure = null, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null, Func<IJobStore, IJobStore>? store = null, bool miniMax = false)
    {
        var handler = Simulator.CreateHandler();
        var http = new HttpClient(Time.CreateHandler(wrap is null ? handler : wrap(handler)));
        var client = new HailuoClient(ClientOptions(miniMax), http);
        var ledger = new SqliteJobStore(LedgerPath, Time);
        var options = new HailuoJobOptions { TimeProvider = Time, StagingFolder = Path.Combine(Folder, "staging") };
        configure?.Invoke(options);
        var runner = new HailuoJobRunner(client, store is null ? ledger : store(ledger), new LocalFolderSink(OutputFolder), options);
        var process = new JobProcess(runner, ledger, client, http);
        _processes.Add(process);
        return process;
    }

    /// <summary>The submits the simulator received (its own record, not the client's word).</summary>
    public int SubmitsReceived => Simulator.Admin.Journal.Count(e => e.Endpoint == SimulatorEndpoint.Submit);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        await Simulator.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>One process: a runner with its own client and its own connection to the ledger.</summary>
internal sealed class JobProcess(HailuoJobRunner runner, SqliteJobStore ledger, HailuoClient client, HttpClient http) : IDisposable
{
    public HailuoJobRunner Runner { get; } = runner;

    public SqliteJobStore Ledger { get; } = ledger;

    public void Dispose()
    {
        client.Dispose();
        http.Dispose();
        Ledger.Dispose();
    }
}
