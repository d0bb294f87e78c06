using Hailuo.Contracts;

namespace Hailuo.Cli.Generation;

/// <summary>
/// What a failure after the submit says: the task is paid for, so its id and the exact
/// `hailuo download` command that fetches its video (which waits for the task when it is still rendering).
/// </summary>
internal sealed class TaskRecovery
{
    private readonly string _taskId;

    private TaskRecovery(string taskId, string? command)
    {
        _taskId = taskId;
        Command = command;
    }

    /// <summary>The command, or null when the task lived on the embedded simulator, which ends with this run.</summary>
    public string? Command { get; }

    /// <param name="baseAddress">Where the task lives when it is not the provider's own address, such as a simulator's.</param>
    /// <param name="endsWithRun">Whether the task ends with this process (the embedded simulator of --sim).</param>
    public static TaskRecovery For(VideoTask task, ProviderInfo provider, FileInfo output, Uri? baseAddress, bool endsWithRun)
    {
        if (endsWithRun)
        {
            return new(task.Id, null);
        }

        var words = new List<string> { "hailuo", "download", task.Id, "--out", output.FullName };
        if (!string.Equals(provider.Name, "apimart", StringComparison.OrdinalIgnoreCase))
        {
            words.AddRange(["--provider", provider.Name.ToLowerInvariant()]);
        }

        if (baseAddress is not null)
        {
            words.AddRange(["--base-url", baseAddress.ToString()]);
        }

        return new(task.Id, string.Join(" ", words.Select(ShellWord.Quote)));
    }

    /// <summary>Prints the failure, the task id and the command; the exit code is the failure's, or 13 when the video could not be saved.</summary>
    public int Report(CliConsole console, Exception exception, bool verbose)
    {
        if (exception is HailuoTaskFailedException)
        {
            // A failed task has no video to fetch: the provider's words are all there is.
            return ErrorReporter.Report(console, exception, verbose);
        }

        var saving = exception is IOException or UnauthorizedAccessException;
        var code = saving ? ExitCodes.VideoNotSaved : ErrorReporter.Code(exception);
        var what = exception is OperationCanceledException ? "cancelled"
            : saving ? "the video could not be saved: " + ErrorReporter.Describe(exception).TrimEnd('.')
            : ErrorReporter.Describe(exception).TrimEnd('.');
        if (Command is null)
        {
            console.Fail(code, $"{what}. Task {_taskId} was on the embedded simulator, which ends with this run: nothing was paid; run the command again.");
        }
        else
        {
            console.Fail(code, $"{what}. Task {_taskId} was submitted and is paid for; this command fetches its video, waiting for it if it is still rendering:");
            console.Error.WriteLine("  " + Command);
        }

        ErrorReporter.Trace(console, exception, verbose);
        return code;
    }
}
