using System.Diagnostics;
using FluentValidation;
using Hailuo.Contracts.Errors;
using Hailuo.Contracts.Resilience;
using Hailuo.Contracts.Telemetry;
using Hailuo.Contracts.Transport;

namespace Hailuo.Contracts.Client;

/// <summary>Validates, estimates, sends the submit once (retrying only refusals) and records usage.</summary>
internal sealed class TaskSubmitter
{
    private readonly ClientContext _context;
    private readonly IValidator<VideoGenerationRequest> _validator;

    public TaskSubmitter(ClientContext context)
    {
        _context = context;
        _validator = context.Provider.CreateValidator()
            ?? throw new ArgumentException($"The spec has no validator for provider '{context.Provider.Name}'.");
    }

    public async Task<VideoTask> SubmitAsync(VideoGenerationRequest request, CancellationToken cancellationToken)
    {
        var provider = _context.Provider;
        Validate(request);
        var model = provider.FindModel(request.Model)!;
        var mode = request.EffectiveMode();
        var resolution = model.FindMode(mode)!.FindResolution(provider.ResolutionFor(request))!.Resolution;
        var cost = CostEstimate.For(provider, request);

        using var activity = ClientActivity.Start("hailuo.submit", provider.Name);
        activity?.SetTag("hailuo.model", model.Id);
        activity?.SetTag("hailuo.resolution", resolution);
        activity?.SetTag("hailuo.duration", cost.Seconds);
        if (_context.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information))
        {
            // The cost's words are a string built only for a log that listens.
            ClientLog.Submitting(_context.Logger, provider.Name, model.Id, mode.ToWireName(), resolution, cost.Seconds, cost.ToString());
        }

        try
        {
            var taskId = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            _context.Usage.Record(model.Id, resolution, cost);
            Count(provider.Name, model.Id, resolution, cost);
            ClientLog.Submitted(_context.Logger, provider.Name, taskId);
            activity?.SetTag("hailuo.task_id", taskId);
            return new VideoTask
            {
                Id = taskId,
                Provider = provider.Name,
                Status = VideoTaskStatus.Submitted,
                Model = model.Id,
                Resolution = resolution,
                Duration = cost.Seconds,
                EstimatedCost = cost,
                SubmittedAt = _context.Clock.GetUtcNow(),
            };
        }
        catch (Exception e)
        {
            ClientActivity.Fail(activity, e);
            throw;
        }
    }

    private void Validate(VideoGenerationRequest request)
    {
        var result = _validator.Validate(request);
        if (!result.IsValid)
        {
            throw new HailuoValidationException(
                $"The request is not valid for {_context.Provider.Name}; nothing was sent. " + string.Join(" ", result.Errors.Select(e => e.ErrorMessage)),
                result.Errors,
                new HailuoErrorDetails(_context.Provider.Name));
        }
    }

    private async ValueTask<string> SendAsync(VideoGenerationRequest request, CancellationToken cancellationToken)
    {
        var body = WireBody.ForWire(_context.Provider, request);
        var attempts = new AttemptLog(_context.Clock);
        WireResponse response;
        try
        {
            response = await _context.Transport.SendAsync(_context.Pipelines.Submits, "submit", (Body: body, Attempts: attempts), static (target, s, ct) => s.Attempts.SendAsync(target, s.Body, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (RetryDecisions.IsConnectFailure(e))
        {
            // No connection was ever made: surely nothing was created, so this is an ordinary (transient) failure.
            throw ErrorMapper.FromException(_context.Provider, "submit", e);
        }
        catch (Exception e) when (RetryDecisions.IsTransientException(e))
        {
            throw OutcomeUnknown(request, attempts.Snapshot(), e.GetType().Name + ": " + e.Message, null, e);
        }

        // Refused before any work (429, 503, rate-limit codes), and retried as a refusal: surely nothing was created.
        if (RetryDecisions.IsRefusal(response))
        {
            throw ErrorMapper.FromResponse(_context.Provider, response, "submit");
        }

        // A 500, 502, 504 or a provider "server error" code may come after the task was created (a slow upstream).
        if (RetryDecisions.MayHaveCreated(response))
        {
            var code = response.Error?.Code is { } c ? ", code " + c : string.Empty;
            throw OutcomeUnknown(request, attempts.Snapshot(), "HTTP " + response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) + code, response, null);
        }

        if (!response.IsSuccess)
        {
            throw ErrorMapper.FromResponse(_context.Provider, response, "submit");
        }

        return response.TaskId
            ?? throw OutcomeUnknown(request, attempts.Snapshot(), "the answer was a success but carried no task id", response, null);
    }

    private HailuoSubmitOutcomeUnknownException OutcomeUnknown(VideoGenerationRequest request, SubmitAttempts attempts, string reason, WireResponse? response, Exception? cause)
    {
        var provider = _context.Provider.Name;
        ClientLog.OutcomeUnknown(_context.Logger, provider, reason);
        // The callback URL itself is left out of the message: it may carry the receiver's secret.
        var callback = request.CallbackUrl is null ? string.Empty : " or the request's callback URL";
        var requestId = response?.RequestId is { } id ? $" That attempt's request id is {id}."
            : attempts.LastRequestId is { } earlier ? $" That attempt got no answer; an earlier, refused attempt had request id {earlier}." : string.Empty;
        return new HailuoSubmitOutcomeUnknownException(
            $"The submit of {request.Model} to {provider} may or may not have created a task ({reason}). It was not retried, so at most one task exists. "
            + $"Before submitting again, look for a task created at about {attempts.LastSentAt:yyyy-MM-ddTHH:mm:ssZ} (attempt {attempts.Count}; provider console{callback}).{requestId}",
            new HailuoErrorDetails(provider, response?.Status, response?.Error?.Code, response?.RequestId, TraceId: response?.TraceId, ErrorCode: response is { } r && RetryDecisions.MayHaveCreated(r) ? ErrorMeanings.ServerError : null),
            WireBody.Copy(_context.Provider, request),
            attempts,
            cause);
    }

    /// <summary>Notes each attempt as it is sent, so the exception names the one that may have created the task.</summary>
    private sealed class AttemptLog(TimeProvider clock)
    {
        // Read when an attempt is sent; a log whose first attempt never went out reads the clock when asked.
        private DateTimeOffset _lastSentAt;
        private int _count;
        private string? _lastRequestId;

        public async ValueTask<WireResponse> SendAsync(CallTarget target, VideoGenerationRequest body, CancellationToken cancellationToken)
        {
            _lastSentAt = clock.GetUtcNow();
            _count++;
            var response = await target.SubmitAsync(body, cancellationToken).ConfigureAwait(false);
            _lastRequestId = response.RequestId ?? _lastRequestId;
            return response;
        }

        public SubmitAttempts Snapshot() => new(_count == 0 ? clock.GetUtcNow() : _lastSentAt, Math.Max(_count, 1), _lastRequestId);
    }

    private static void Count(string provider, string model, string resolution, CostEstimate cost)
    {
        if (!HailuoTelemetry.Submitted.Enabled && !HailuoTelemetry.Seconds.Enabled && !HailuoTelemetry.Dollars.Enabled)
        {
            return;
        }

        var tags = new TagList { { "hailuo.provider", provider }, { "hailuo.model", model }, { "hailuo.resolution", resolution } };
        HailuoTelemetry.Submitted.Add(1, tags);
        HailuoTelemetry.Seconds.Add(cost.Seconds, tags);
        if (cost.Dollars is { } dollars)
        {
            HailuoTelemetry.Dollars.Add((double)dollars, tags);
        }
    }
}
