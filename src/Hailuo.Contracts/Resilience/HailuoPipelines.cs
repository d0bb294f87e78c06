using Hailuo.Contracts.Telemetry;
using Hailuo.Contracts.Transport;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Hailuo.Contracts.Resilience;

/// <summary>The client's Polly pipelines, built once per client and shared by every call (they are thread-safe).</summary>
internal sealed class HailuoPipelines
{
    public HailuoPipelines(HailuoRetryOptions retry, TimeSpan attemptTimeout, TimeProvider clock, string provider, ILogger logger)
    {
        Reads = Build(retry, attemptTimeout, clock, provider, logger, o => RetryDecisions.IsTransientRead(o, retry.MaxRetryAfter));
        Submits = Build(retry, attemptTimeout, clock, provider, logger, o => RetryDecisions.IsSafeSubmitRetry(o, retry.MaxRetryAfter));
        Downloads = BuildDownloads(retry, clock, provider, logger);
        DownloadStart = new ResiliencePipelineBuilder { TimeProvider = clock }.AddTimeout(attemptTimeout).Build();
    }

    /// <summary>Status and file reads: every transient failure, Retry-After honoured.</summary>
    public ResiliencePipeline<WireResponse> Reads { get; }

    /// <summary>The submit POST: only refusals and connections never made (see <see cref="RetryDecisions.IsSafeSubmitRetry"/>).</summary>
    public ResiliencePipeline<WireResponse> Submits { get; }

    /// <summary>The wait for a download's headers: the attempt timeout only (the body may then take as long as it takes).</summary>
    public ResiliencePipeline DownloadStart { get; }

    /// <summary>MP4 downloads: restarted from the first byte on transient failures.</summary>
    public ResiliencePipeline Downloads { get; }

    private static ResiliencePipeline<WireResponse> Build(
        HailuoRetryOptions retry, TimeSpan attemptTimeout, TimeProvider clock, string provider, ILogger logger, Func<Outcome<WireResponse>, bool> shouldRetry)
    {
        var builder = new ResiliencePipelineBuilder<WireResponse> { TimeProvider = clock };
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<WireResponse>
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(shouldRetry(args.Outcome)),

                // The server's Retry-After wins over our backoff: it knows when it will have room.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    OnRetry(logger, provider, args.Context, args.AttemptNumber, args.RetryDelay, Reason(args.Outcome), args.Outcome.Result?.TraceId);
                    return default;
                },
            });
        }

        // Inside the retry, so each attempt gets its own time; Polly times it on the client's clock.
        return builder.AddTimeout(attemptTimeout).Build();
    }

    private static ResiliencePipeline BuildDownloads(HailuoRetryOptions retry, TimeProvider clock, string provider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (retry.MaxRetryAttempts == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = retry.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = retry.UseJitter,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception switch
            {
                HailuoException e => e.IsTransient,
                OperationCanceledException => false,
                { } e => RetryDecisions.IsTransientException(e),
                null => false,
            }),
            DelayGenerator = args => ValueTask.FromResult((args.Outcome.Exception as HailuoException)?.RetryAfter),
            OnRetry = args =>
            {
                OnRetry(logger, provider, args.Context, args.AttemptNumber, args.RetryDelay, args.Outcome.Exception?.GetType().Name ?? "unknown", null);
                return default;
            },
        }).Build();
    }

    private static void OnRetry(ILogger logger, string provider, ResilienceContext context, int attempt, TimeSpan delay, string reason, string? traceId)
    {
        var operation = context.OperationKey ?? "call";
        ClientLog.Retrying(logger, operation, provider, delay, attempt + 1, reason, traceId);
        HailuoTelemetry.RetryCount.Add(1, new("hailuo.provider", provider), new("hailuo.operation", operation), new("hailuo.reason", reason));
    }

    private static string Reason(Outcome<WireResponse> outcome) =>
        outcome.Exception is { } e ? e.GetType().Name
        : outcome.Result is { Error.Code: { } code } r ? "HTTP " + r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) + " code " + code
        : "HTTP " + outcome.Result?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
