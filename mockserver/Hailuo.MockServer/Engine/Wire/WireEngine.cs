using Hailuo.Contracts;
using Hailuo.MockServer.Simulation;

namespace Hailuo.MockServer.Wire;

/// <summary>
/// One API request through the engine, whatever the host: X-Request-Id, scripted fault, key and rate limit, the endpoint,
/// then the journal entry (keys blanked, data URLs shortened). Null means the connection got no answer.
/// </summary>
internal sealed class WireEngine(SimulatorState state)
{
    // ValueTask: a poll is answered without waiting, so no Task is allocated for it.
    public async ValueTask<WireAnswer?> HandleAsync(WireRoute route, WireRequest request, IWireConnection connection)
    {
        var arrived = state.Now;
        var exchange = new WireExchange(route, request) { RequestId = state.RequestIds.Next(arrived) };

        // Named before any refusal (fault, key, rate limit, signature), so the journal ties every answer to its task.
        exchange.TaskId = NamedTask(route.Endpoint, request);
        WireAnswer? answer = null;
        var journaled = false;
        try
        {
            exchange.Fault = state.Faults.Take(route.Endpoint);
            answer = exchange.Fault switch
            {
                FaultKind.Status500 => ServerError(exchange.Dialect, 500, "Simulated fault: internal server error."),
                FaultKind.Status502 => ServerError(exchange.Dialect, 502, "Simulated fault: bad gateway."),
                FaultKind.Status503 => ErrorAnswer.Create(exchange.Dialect, 503, ErrorMeanings.ServerError, "server_error", "Simulated fault: service unavailable.", retryAfter: TimeSpan.FromSeconds(1)),
                FaultKind.ConnectionReset => null,
                FaultKind.Stall => await StallAsync(route.Endpoint, connection).ConfigureAwait(false),
                FaultKind.SubmitThenAnswerLate => await AnswerLateAsync(exchange, connection).ConfigureAwait(false),
                FaultKind.SubmitThenGateway504 => await AnswerThenGatewayTimeoutAsync(exchange).ConfigureAwait(false),
                _ => InTransport(route, await AnswerAsync(exchange).ConfigureAwait(false)),
            };

            // SubmitThenFail: the work is done, the client never learns of it. Journaled first: the client retries at once.
            if (exchange.Fault is FaultKind.ConnectionReset or FaultKind.Stall or FaultKind.SubmitThenFail or FaultKind.SubmitThenAnswerLate)
            {
                answer = null;
                journaled = Journal(exchange, arrived, 0);
                connection.Reset();
            }

            answer?.With(RequestIds.Header, exchange.RequestId);

            // The trace id a user quotes to support is the journal's request id, on every answer of a dialect that sends one.
            if (answer is not null && route.Dialect is { } dialect && SimulatorState.Dialect(dialect).TraceIdHeader is { } traceHeader)
            {
                answer.With(traceHeader, exchange.RequestId);
            }

            return answer;
        }
        finally
        {
            if (!journaled)
            {
                Journal(exchange, arrived, answer?.Status ?? 0);
            }
        }
    }

    private bool Journal(WireExchange exchange, DateTimeOffset arrived, int status)
    {
        var request = exchange.Request;
        var key = request.BearerKey();
        state.Journal.Add(new JournalEntry(
            request.Method,
            request.Path,
            Scrub(request.Query, key),
            status,
            Shorten(Scrub(request.Body, key)),
            arrived,
            exchange.Route.Endpoint,
            exchange.Fault,
            exchange.RequestId,
            exchange.TaskId));
        return true;
    }

    private async ValueTask<WireAnswer> AnswerAsync(WireExchange exchange)
    {
        if (exchange.Route.Endpoint != SimulatorEndpoint.Download && Gate.Check(exchange, state) is { } refused)
        {
            return refused;
        }

        return exchange.Route.Endpoint switch
        {
            SimulatorEndpoint.Submit => await Submission.HandleAsync(exchange, state).ConfigureAwait(false),
            SimulatorEndpoint.Status => TaskQueries.Status(exchange, state),
            SimulatorEndpoint.FileRetrieve => TaskQueries.FileRetrieve(exchange, state),
            _ => TaskQueries.Download(exchange, state),
        };
    }

    /// <summary>An API error (4xx) of a dialect whose errors travel in the body is sent with HTTP 200; the body is the same either way.</summary>
    private WireAnswer InTransport(WireRoute route, WireAnswer answer)
    {
        if (route.Dialect is not { } dialect || answer.Status is < 400 or >= 500)
        {
            return answer;
        }

        var inBody = state.Options.ErrorTransport switch
        {
            ErrorTransport.InBody => true,
            ErrorTransport.HttpStatus => false,
            _ => SimulatorState.Dialect(dialect).ErrorsInBody,
        };
        return inBody ? answer.WithStatus(200) : answer;
    }

    private string? NamedTask(SimulatorEndpoint endpoint, WireRequest request) => endpoint switch
    {
        SimulatorEndpoint.Status => request.Value("task_id"),
        SimulatorEndpoint.FileRetrieve or SimulatorEndpoint.Download when request.Value("file_id") is { } file => state.Tasks.FindByFileId(file)?.Id,
        _ => null,
    };

    private static WireAnswer ServerError(WireDialect dialect, int status, string message) =>
        ErrorAnswer.Create(dialect, status, ErrorMeanings.ServerError, "server_error", message);

    private async Task<WireAnswer?> StallAsync(SimulatorEndpoint endpoint, IWireConnection connection)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(connection.Aborted, state.Stopping);
        using var stalled = state.Stalls.Hold(endpoint);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the simulator is stopping: either way the request gets no answer.
        }

        return null;
    }

    // The work is done and its callbacks start; the answer is held like a stall's, so the client times out first.
    private async Task<WireAnswer?> AnswerLateAsync(WireExchange exchange, IWireConnection connection)
    {
        await AnswerAsync(exchange).ConfigureAwait(false);
        return await StallAsync(exchange.Route.Endpoint, connection).ConfigureAwait(false);
    }

    // The work is done and its callbacks start; the client sees only the gateway's 504.
    private async Task<WireAnswer> AnswerThenGatewayTimeoutAsync(WireExchange exchange)
    {
        await AnswerAsync(exchange).ConfigureAwait(false);
        return ServerError(exchange.Dialect, 504, "Simulated fault: gateway timeout (the upstream handled the request).");
    }

    private static string Scrub(string text, string? key) =>
        key is null || text.Length == 0 ? text : text.Replace(key, "***", StringComparison.Ordinal);

    /// <summary>The most a journal entry keeps of a body once data URLs are shortened: the journal is a record, not a copy.</summary>
    private const int JournalBodyLimit = 16_384;

    private static string Shorten(string body)
    {
        var shortened = body.Length < 256 ? body : DataUrlText.Shorten(body);
        return shortened.Length <= JournalBodyLimit
            ? shortened
            : shortened[..JournalBodyLimit] + $"...(cut by the journal: {shortened.Length:N0} characters in all)";
    }
}
