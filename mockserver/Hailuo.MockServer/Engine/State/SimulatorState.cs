using FluentValidation;
using Hailuo.Contracts;
using Hailuo.MockServer.Wire;
using Microsoft.Extensions.Logging;

namespace Hailuo.MockServer.Simulation;

/// <summary>Everything one simulator holds; one instance per server, shared by the endpoints and the admin API.</summary>
internal sealed class SimulatorState : IAsyncDisposable
{
    // Looked up on every answer (its trace header): a table, not a search.
    private static readonly Dictionary<WireDialect, DialectInfo> SpecDialects = HailuoSpec.Dialects.ToDictionary(d => d.Dialect);

    private readonly CancellationTokenSource _stopping = new();
    private long _droppedLogEntries;
    private readonly Dictionary<WireDialect, IReadOnlyList<ProviderInfo>> _byDialect;
    private readonly Dictionary<ProviderInfo, IValidator<VideoGenerationRequest>> _validators;

    public SimulatorState(SimulatorOptions options, TimeProvider clock, ILoggerFactory loggers)
    {
        options.Validate();
        Options = options;
        Clock = clock;
        Account = new Account(options.StartingBalance);
        Limiter = new RateLimiter(options.RequestsPerMinute);
        Journal = new Journal(options.JournalCapacity);
        ServedProviders = options.Providers.Count > 0 ? options.Providers.ToArray() : HailuoSpec.Providers.ToArray();
        _byDialect = ServedProviders.GroupBy(p => p.Dialect).ToDictionary(g => g.Key, g => (IReadOnlyList<ProviderInfo>)g.ToArray());
        _validators = ServedProviders.Distinct().ToDictionary(p => p, ProviderValidator.For);
        Callbacks = new CallbackDispatcher(options, clock, (task, at, baseUrl) => StatusBody.For(task, at, baseUrl, Signer, options.ApiMartStatusWords), WireJson.Options, loggers.CreateLogger("Hailuo.MockServer.Callbacks"));
    }

    public SimulatorOptions Options { get; }

    /// <summary>The ports the server listens on, so a callback to the simulator itself can be refused.</summary>
    public IReadOnlyList<int> OwnPorts { get; set; } = [];

    public TimeProvider Clock { get; }

    public TaskStore Tasks { get; } = new();

    public Account Account { get; }

    public RateLimiter Limiter { get; }

    public FaultBook Faults { get; } = new();

    public Journal Journal { get; }

    public DownloadSigner Signer { get; } = new();

    public VideoFiles Videos { get; } = new();

    public CallbackDispatcher Callbacks { get; }

    /// <summary>The providers served: the configured ones, or the shipped spec's.</summary>
    public IReadOnlyList<ProviderInfo> ServedProviders { get; }

    /// <summary>Cancelled when the simulator stops: ends stalled requests.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>The requests a Stall fault holds open now, so tests can wait for one rather than sleep.</summary>
    public StallWatch Stalls { get; } = new();

    public RequestIds RequestIds { get; } = new();

    /// <summary>Bearer keys' owners, hashed once per key.</summary>
    public KeyOwners Owners { get; } = new();

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Entries the host's capped request log has dropped.</summary>
    public long DroppedLogEntries => Interlocked.Read(ref _droppedLogEntries);

    public void LogEntryDropped() => Interlocked.Increment(ref _droppedLogEntries);

    /// <summary>The served providers that speak this dialect.</summary>
    public IReadOnlyList<ProviderInfo> Providers(WireDialect dialect) => _byDialect.TryGetValue(dialect, out var providers) ? providers : Array.Empty<ProviderInfo>();

    /// <summary>The provider of this dialect that offers the model; the dialect's first when none does (its validator then names the models).</summary>
    public ProviderInfo Provider(WireDialect dialect, string? model)
    {
        var providers = Providers(dialect);
        return providers.FirstOrDefault(p => p.FindModel(model) is not null) ?? providers[0];
    }

    /// <summary>The spec's validator for the provider; they hold no state, so one instance serves every request.</summary>
    public IValidator<VideoGenerationRequest> Validator(ProviderInfo provider) => _validators[provider];

    /// <summary>What the spec says of a dialect: its endpoint lines.</summary>
    public static DialectInfo Dialect(WireDialect dialect) => SpecDialects[dialect];

    /// <summary>Forgets tasks, journal, faults and rate-limit windows and restores the balance; the clock keeps its time.</summary>
    public void Reset()
    {
        Callbacks.Reset();
        Videos.Clear();
        Tasks.Clear();
        Journal.Clear();
        Faults.Clear();
        Limiter.Reset();
        Account.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Callbacks.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    public void Stop() => _stopping.Cancel();
}
