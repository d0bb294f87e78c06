using Hailuo.Contracts;

namespace Hailuo.Cli;

/// <summary>Turns an exception into one clear line and its documented exit code; the stack trace only with --verbose.</summary>
internal static class ErrorReporter
{
    public static int Report(CliConsole console, Exception exception, bool verbose)
    {
        var code = Code(exception);
        var message = exception is OperationCanceledException ? "cancelled." : Describe(exception);
        console.Fail(code, message);
        Trace(console, exception, verbose);
        return code;
    }

    /// <summary>The stack trace, with --verbose; a Ctrl-C has none worth showing.</summary>
    public static void Trace(CliConsole console, Exception exception, bool verbose)
    {
        if (verbose && exception is not OperationCanceledException)
        {
            console.Error.WriteLine(exception.ToString());
        }
    }

    /// <summary>The documented exit code for an exception.</summary>
    public static int Code(Exception exception) => exception switch
    {
        OperationCanceledException => ExitCodes.Cancelled,
        HailuoValidationException => ExitCodes.InvalidInput,
        HailuoTaskFailedException => ExitCodes.TaskFailed,
        HailuoUrlExpiredException => ExitCodes.UrlExpired,
        HailuoSubmitOutcomeUnknownException => ExitCodes.SubmitOutcomeUnknown,
        HailuoException { ErrorCode: ErrorMeanings.Authentication } => ExitCodes.Authentication,
        HailuoException { ErrorCode: ErrorMeanings.RateLimited } => ExitCodes.RateLimited,
        HailuoException { ErrorCode: ErrorMeanings.ContentPolicy } => ExitCodes.TaskFailed,
        HailuoException { ErrorCode: ErrorMeanings.InsufficientBalance } => ExitCodes.InsufficientBalance,
        HailuoException { ErrorCode: HailuoException.WaitTimedOut } => ExitCodes.TimedOut,
        FileNotFoundException or DirectoryNotFoundException => ExitCodes.NotFound,
        _ => ExitCodes.Unexpected,
    };

    /// <summary>The exception in one line: the client's own words, or the .NET type and message of anything else.</summary>
    public static string Describe(Exception exception)
    {
        var text = exception.Message;
        if (exception is HailuoException { RequestId: { } requestId } && !text.Contains(requestId, StringComparison.Ordinal))
        {
            text += $" (request id {requestId})";
        }

        return exception is HailuoException ? text : exception.GetType().Name + ": " + text;
    }
}
