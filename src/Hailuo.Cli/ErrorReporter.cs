using Hailuo.Contracts;

namespace Hailuo.Cli;

/// <summary>Turns an exception into one clear line and its documented exit code; the stack trace only with --verbose.</summary>
internal static class ErrorReporter
{
    public static int Report(CliConsole console, Exception exception, bool verbose)
    {
        var code = exception switch
        {
            OperationCanceledException => ExitCodes.Cancelled,
            HailuoValidationException => ExitCodes.InvalidInput,
            HailuoAuthenticationException => ExitCodes.Authentication,
            HailuoRateLimitedException => ExitCodes.RateLimited,
            HailuoContentPolicyException or HailuoTaskFailedException => ExitCodes.TaskFailed,
            HailuoInsufficientBalanceException => ExitCodes.InsufficientBalance,
            HailuoTimeoutException => ExitCodes.TimedOut,
            HailuoUrlExpiredException => ExitCodes.UrlExpired,
            HailuoSubmitOutcomeUnknownException => ExitCodes.SubmitOutcomeUnknown,
            FileNotFoundException or DirectoryNotFoundException => ExitCodes.NotFound,
            _ => ExitCodes.Unexpected,
        };
        var message = exception is OperationCanceledException ? "cancelled." : Describe(exception);
        console.Fail(code, message);
        if (verbose && exception is not OperationCanceledException)
        {
            console.Error.WriteLine(exception.ToString());
        }

        return code;
    }

    private static string Describe(Exception exception)
    {
        var text = exception.Message;
        if (exception is HailuoException { RequestId: { } requestId } && !text.Contains(requestId, StringComparison.Ordinal))
        {
            text += $" (request id {requestId})";
        }

        return exception is HailuoException ? text : exception.GetType().Name + ": " + text;
    }
}
