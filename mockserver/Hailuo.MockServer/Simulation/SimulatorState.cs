using FluentValidation;
using Hailuo.Contracts;
using Hailuo.MockServer.Wire;
using Microsoft.Extensions.Logging;

namespace Hailuo.MockServer.Simulation;

/// <summary>Everything one simulator holds; one instance per server, shared by the endpoints and the admin API.</summary>
internal sealed class SimulatorState : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public SimulatorState(SimulatorOptions options, TimeProvider clock, ILoggerFactory loggers)
    {
        options.Validate();
        Options = options;
        Clock = clock;
        Account = new Account(options.StartingBalance);
        Limiter = new RateLimiter(options.RequestsPerMinute);
        Journal = new Journal(options.JournalCapacity);
        Callbacks = new CallbackDispatcher(options, clock, (task, at, baseUrl) => StatusBody.For(task, at, baseUrl, Signer, options.ApiMartStatusWords), WireJson.Options, loggers.CreateLogger("Hailuo.MockServer.Callbacks"));
    }

    public SimulatorOptions Options { get; }

    public TimeProvider Clock { get; }

    public TaskStore Tasks { get; } = new();

    public Account Account { get; }

    public RateLimiter Limiter { get; }

    public FaultBook Faults { get; } = new();

    public Journal Journal { get; }

    public DownloadSigner Signer { get; } = new();

    public VideoFiles Videos { get; } = new();

    public CallbackDispatcher Callbacks { get; }

    /// <summary>The spec's validators, one per dialect; they hold no state, so one instance serves every request.</summary>
    public IValidator<VideoGenerationRequest> ApiMartValidator { get; } = new ApiMartRequestValidator();

    public IValidator<VideoGenerationRequest> MiniMaxValidator { get; } = new MiniMaxRequestValidator();

    /// <summary>Cancelled when the simulator stops: ends stalled requests.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>The requests a Stall fault holds open now, so tests can wait for one rather than sleep.</summary>
    public StallWatch Stalls { get; } = new();

    public RequestIds RequestIds { get; } = new();

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static ProviderInfo Provider(WireDialect dialect) => dialect == WireDialect.ApiMart ? HailuoSpec.ApiMart : HailuoSpec.MiniMax;

    public IValidator<VideoGenerationRequest> Validator(WireDialect dialect) => dialect == WireDialect.ApiMart ? ApiMartValidator : MiniMaxValidator;

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
