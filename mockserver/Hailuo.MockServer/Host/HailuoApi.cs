using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;
using Hailuo.MockServer.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WireMock.Logging;
using WireMock.Server;

namespace Hailuo.MockServer.Server;

/// <summary>
/// The Hailuo API's behaviour attached to a <see cref="WireMockServer"/>: every endpoint of both dialects from the spec,
/// downloads and /__admin/hailuo/, in one mapping at <see cref="EnginePriority"/> answering through WithCallback into
/// the engine.
/// </summary>
public sealed class HailuoApi : IAsyncDisposable
{
    /// <summary>The engine's mappings' priority: WireMock.Net tries lower numbers first, so a user's stub (default 0, or AtPriority(1)) answers first.</summary>
    public const int EnginePriority = 100_000;

    private readonly List<Guid> _mappings = new();
    private readonly LogHook _logHook;
    private readonly ServerAddress _address;

    internal HailuoApi(WireMockServer server, SimulatorOptions options, TimeProvider clock, ILoggerFactory loggers)
    {
        Server = server;
        Clock = clock;
        State = new SimulatorState(options, clock, loggers) { OwnPorts = server.Ports.ToArray() };
        Admin = new SimulatorAdmin(State);
        _address = new ServerAddress(options.PublicBaseUrl);
        var engine = new WireEngine(State);
        var connection = new HttpContextConnection(new HttpContextAccessor());
        var mapping = new SimulatorMapping(State);
        foreach (var dialect in HailuoSpec.Dialects.Where(d => State.Providers(d.Dialect).Count > 0))
        {
            Serve(mapping, dialect.Submit, new WireRoute(SimulatorEndpoint.Submit, dialect.Dialect), engine, connection);
            Serve(mapping, dialect.Status, new WireRoute(SimulatorEndpoint.Status, dialect.Dialect), engine, connection);
            if (dialect.FileRetrieve is { } retrieve)
            {
                Serve(mapping, retrieve, new WireRoute(SimulatorEndpoint.FileRetrieve, dialect.Dialect), engine, connection);
            }
        }

        Serve(mapping, DownloadSigner.Endpoint, new WireRoute(SimulatorEndpoint.Download, null), engine, connection);
        AdminMappings.Serve(mapping, State, Admin);
        _mappings.Add(mapping.Register(server, EnginePriority));
        _logHook = new LogHook(server, OnLogEntriesChanged);
    }

    /// <summary>The server the mappings are on.</summary>
    public WireMockServer Server { get; }

    /// <summary>The engine's clock: a FakeTimeProvider unless the options ask for the system clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Journal, tasks, faults, balance and reset.</summary>
    public SimulatorAdmin Admin { get; }

    /// <summary>The ids of the mappings this API added (one: the engine and its admin API), as WireMock.Net's admin API lists them.</summary>
    public IReadOnlyList<Guid> MappingIds => _mappings;

    internal SimulatorState State { get; }

    /// <summary>Whether the log masking runs on WireMock.Net's log itself (fast) rather than on LogEntriesChanged.</summary>
    internal bool LogHookIsDirect => _logHook.IsDirect;

    /// <summary>Stops callbacks and stalled requests, and removes the mappings.</summary>
    public async ValueTask DisposeAsync()
    {
        _logHook.Dispose();
        foreach (var guid in _mappings)
        {
            Server.DeleteMapping(guid);
        }

        await State.DisposeAsync().ConfigureAwait(false);
    }

    internal static TimeProvider ClockFor(SimulatorOptions options) =>
        string.Equals(options.Clock, "System", StringComparison.OrdinalIgnoreCase) ? TimeProvider.System : new FakeTimeProvider(DateTimeOffset.UtcNow);

    private void Serve(SimulatorMapping mapping, string line, WireRoute route, WireEngine engine, HttpContextConnection connection)
    {
        var endpoint = EndpointRoute.Parse(line);
        mapping.Serve(endpoint.PathTemplate, endpoint.IsExact ? null : endpoint.PathPattern, endpoint.Method, route.Dialect, async request =>
            await engine.HandleAsync(route, WireMockMessages.ToWire(request, endpoint, _address), connection).ConfigureAwait(false) ?? WireAnswer.Empty(499));
    }

    private void OnLogEntriesChanged(object? sender, System.Collections.Specialized.NotifyCollectionChangedEventArgs e)
    {
        if (e.Action == System.Collections.Specialized.NotifyCollectionChangedAction.Remove)
        {
            State.LogEntryDropped();
        }

        // Added after the answer was made: the engine and users' stubs saw the request whole, the log keeps it masked and cut.
        foreach (var entry in e.NewItems?.OfType<LogEntry>() ?? [])
        {
            if (entry.RequestMessage is { } request)
            {
                entry.RequestMessage = LoggedRequest.For(request, State.Options.RequestLogBodyLimit);
            }
        }
    }
}

/// <summary>Attaches the Hailuo API to a WireMockServer a test created itself.</summary>
public static class HailuoWireMockServerExtensions
{
    /// <summary>
    /// Adds the engine's mappings (both dialects, downloads, /__admin/hailuo/) at <see cref="HailuoApi.EnginePriority"/>.
    /// Start the server with <see cref="HailuoServerSettings.Create"/> (or its AddServices) so connection faults work.
    /// </summary>
    public static HailuoApi AddHailuoApi(this WireMockServer server, SimulatorOptions? options = null, TimeProvider? clock = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        options ??= new SimulatorOptions();
        options.Validate();
        return new HailuoApi(server, options, clock ?? HailuoApi.ClockFor(options), loggers ?? NullLoggerFactory.Instance);
    }
}
