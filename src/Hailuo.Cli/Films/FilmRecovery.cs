using System.Globalization;
using Hailuo.Jobs;

namespace Hailuo.Cli.Films;

/// <summary>
/// What a film's failure after its submits says: the paid tasks the ledger keeps, by shot and task id, and that the
/// same command resumes them (the ledger is a film's recovery, as `hailuo download` is a single clip's).
/// </summary>
internal static class FilmRecovery
{
    public static async Task<int> ReportAsync(CliConsole console, Exception exception, SqliteJobStore ledger, StoryboardJobs jobs, bool verbose)
    {
        var stored = 0;
        var tasks = new List<string>();
        foreach (var shot in jobs.Shots)
        {
            // Read even after a failure or Ctrl-C: the message must say what the ledger holds.
            switch (await ledger.FindAsync(shot.Key, CancellationToken.None).ConfigureAwait(false))
            {
                case { State: JobState.Stored }:
                    stored++;
                    break;
                case { State: not JobState.Failed, TaskId: { } id }:
                    tasks.Add(string.Create(CultureInfo.InvariantCulture, $"shot {shot.Clip.Number}: task {id}"));
                    break;
            }
        }

        if (stored == 0 && tasks.Count == 0)
        {
            return ErrorReporter.Report(console, exception, verbose);
        }

        var saving = exception is IOException or UnauthorizedAccessException;
        var code = saving ? ExitCodes.VideoNotSaved : ErrorReporter.Code(exception);
        var held = string.Join(" and ", new[] { stored > 0 ? ShotText.Shots(stored) + " stored" : null, tasks.Count > 0 ? "the paid tasks of " + string.Join(", ", tasks) : null }.OfType<string>());
        console.Fail(code, $"{(saving ? "a clip or the film could not be saved: " : string.Empty)}{ErrorReporter.Describe(exception).TrimEnd('.')}. The ledger {ledger.Path} keeps {held}; once the cause is fixed, run the same command again: stored shots are not submitted again, and a shot with a task id is followed to its end.");
        ErrorReporter.Trace(console, exception, verbose);
        return code;
    }
}
