using System.Globalization;
using FluentValidation.Results;
using Hailuo.Contracts.Resilience;
using Hailuo.Contracts.Transport;

namespace Hailuo.Contracts.Errors;

/// <summary>Turns an answer or a failure into the typed exception a person can act on.</summary>
internal static class ErrorMapper
{
    public static HailuoException FromResponse(ProviderInfo provider, WireResponse response, string operation, string? taskId = null)
    {
        var error = response.Error;
        var code = CodeOf(response);
        var details = new HailuoErrorDetails(provider.Name, response.Status, error?.Code, response.RequestId, taskId, RetryDecisions.IsTransientAnswer(response), response.TraceId, code, response.RetryAfter);
        var said = string.IsNullOrWhiteSpace(error?.Message) ? string.Empty : ": " + error!.Message.TrimEnd('.', ' ');
        var http = "HTTP " + response.Status.ToString(CultureInfo.InvariantCulture) + (error?.Code is { } c ? ", code " + c : string.Empty);
        if (code == ErrorMeanings.InvalidParameters)
        {
            var failures = (error?.Details ?? new List<WireFieldProblem>())
                .Select(d => new ValidationFailure(d.Field ?? string.Empty, d.Message ?? string.Empty) { ErrorCode = d.Code })
                .ToList();
            return new HailuoValidationException($"{provider.Name} rejected the request ({http}){said}", failures, details);
        }

        var wait = response.RetryAfter is { } after ? $"retry after {after}" : "retry later";
        var message = code switch
        {
            ErrorMeanings.RateLimited => $"{provider.Name} rate limit reached during {operation} ({http}){said}. Slow down and {wait}.",
            ErrorMeanings.Authentication when response.EffectiveStatus == 403 => $"{provider.Name} denied {operation} ({http}){said}. The key may lack access to this model.",
            ErrorMeanings.Authentication => $"{provider.Name} rejected the API key ({http}){said}. Check HailuoClientOptions.ApiKey or {provider.ApiKeyEnvironmentVariable}.",
            ErrorMeanings.InsufficientBalance => $"{provider.Name} refused {operation} for insufficient balance ({http}){said}. Top up the account; no task was created.",
            ErrorMeanings.ContentPolicy => $"{provider.Name} flagged the input as sensitive content ({http}){said}. Change the prompt or images.",
            HailuoException.NotFound => $"{provider.Name} does not know {(taskId is null ? "this resource" : "task " + taskId)} ({http}){said}. Was it created with another key or provider?",
            ErrorMeanings.ServerError => $"{provider.Name} failed {operation} with a server error ({http}){said}; retries did not get through.",
            _ => $"{provider.Name} answered {operation} with {http}{said}.",
        };
        return new HailuoException(message, details);
    }

    /// <summary>The spec's word for an answer, from the provider's code first, then the HTTP status (or the status the body names).</summary>
    private static string? CodeOf(WireResponse response)
    {
        var error = response.Error;
        var meaning = ErrorMeanings.Of(error?.Code);
        var status = response.EffectiveStatus;
        if (status == 429 || meaning == ErrorMeanings.RateLimited)
        {
            return ErrorMeanings.RateLimited;
        }

        if (status == 401 || meaning == ErrorMeanings.Authentication || Is(error?.Type, "authentication"))
        {
            return ErrorMeanings.Authentication;
        }

        if (status == 402 || meaning == ErrorMeanings.InsufficientBalance || Is(error?.Type, "insufficient") || Is(error?.Code, "insufficient"))
        {
            return ErrorMeanings.InsufficientBalance;
        }

        if (IsContentPolicy(error?.Code) || Is(error?.Type, "content_policy"))
        {
            return ErrorMeanings.ContentPolicy;
        }

        return status switch
        {
            404 => HailuoException.NotFound,
            400 or 422 => ErrorMeanings.InvalidParameters,
            _ when meaning == ErrorMeanings.InvalidParameters => meaning,
            403 => ErrorMeanings.Authentication,
            >= 500 => ErrorMeanings.ServerError,
            _ => meaning,
        };
    }

    public static HailuoException FromException(ProviderInfo provider, string operation, Exception exception, string? taskId = null) =>
        new(
            $"{operation} on {provider.Name} failed: {exception.Message}",
            new HailuoErrorDetails(provider.Name, TaskId: taskId, IsTransient: RetryDecisions.IsTransientException(exception)),
            exception);

    /// <summary>The exception a failed or cancelled task ends a wait with.</summary>
    public static HailuoTaskFailedException TaskFailed(VideoTask task)
    {
        var contentPolicy = IsContentPolicy(task.ErrorCode);
        var details = new HailuoErrorDetails(task.Provider, ProviderCode: task.ErrorCode, TaskId: task.Id, ErrorCode: contentPolicy ? ErrorMeanings.ContentPolicy : ErrorMeanings.Of(task.ErrorCode));
        var said = string.IsNullOrWhiteSpace(task.ErrorMessage) ? string.Empty : ": " + task.ErrorMessage.TrimEnd('.', ' ');
        if (contentPolicy)
        {
            return new HailuoTaskFailedException($"Task {task.Id} on {task.Provider} was flagged as sensitive content (code {task.ErrorCode}){said}. Change the prompt or images.", details, task);
        }

        return task.Status == VideoTaskStatus.Cancelled
            ? new HailuoTaskFailedException($"Task {task.Id} on {task.Provider} was cancelled{said}.", details, task)
            : new HailuoTaskFailedException($"Task {task.Id} on {task.Provider} failed{(task.ErrorCode is null ? string.Empty : " (code " + task.ErrorCode + ")")}{said}.", details, task);
    }

    /// <summary>A code the spec means as content-policy, or APIMart's worded codes.</summary>
    public static bool IsContentPolicy(string? code) =>
        ErrorMeanings.Is(code, ErrorMeanings.ContentPolicy) || Is(code, "content_policy") || Is(code, "sensitive");

    private static bool Is(string? text, string part) => text?.Contains(part, StringComparison.OrdinalIgnoreCase) == true;
}
