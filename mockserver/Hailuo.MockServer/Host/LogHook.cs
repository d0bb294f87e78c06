using System.Collections.Specialized;
using System.Reflection;
using WireMock.Server;

namespace Hailuo.MockServer.Server;

/// <summary>
/// Runs a handler on every change of a server's request log, before the server's LogEntriesChanged subscribers.
/// WireMock.Net raises LogEntriesChanged with Delegate.DynamicInvoke, which here emitted an invoker on every request
/// (the finalizer then spent about a seventh of the CPU of a poll benchmark freeing them); the log's own
/// CollectionChanged is a plain call. Falls back to LogEntriesChanged when WireMock.Net's internals differ.
/// </summary>
internal sealed class LogHook : IDisposable
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;

    private readonly WireMockServer _server;
    private readonly NotifyCollectionChangedEventHandler _handler;
    private readonly INotifyCollectionChanged? _log;

    public LogHook(WireMockServer server, NotifyCollectionChangedEventHandler handler)
    {
        _server = server;
        _handler = handler;
        var options = typeof(WireMockServer).GetField("_options", Private)?.GetValue(server);
        var log = options?.GetType().GetProperty("LogEntries")?.GetValue(options) as INotifyCollectionChanged;
        var dispatch = typeof(WireMockServer).GetMethod("LogEntries_CollectionChanged", Private, [typeof(object), typeof(NotifyCollectionChangedEventArgs)]);
        if (log is null || dispatch is null)
        {
            server.LogEntriesChanged += handler;
            return;
        }

        // The server's dispatcher to LogEntriesChanged goes after ours, so its subscribers see the entry as the log keeps it.
        var dispatcher = (NotifyCollectionChangedEventHandler)Delegate.CreateDelegate(typeof(NotifyCollectionChangedEventHandler), server, dispatch);
        log.CollectionChanged -= dispatcher;
        log.CollectionChanged += handler;
        log.CollectionChanged += dispatcher;
        _log = log;
    }

    /// <summary>Whether the handler is on the log itself rather than on LogEntriesChanged.</summary>
    public bool IsDirect => _log is not null;

    public void Dispose()
    {
        if (_log is not null)
        {
            _log.CollectionChanged -= _handler;
        }
        else
        {
            _server.LogEntriesChanged -= _handler;
        }
    }
}
