using System.Globalization;
using Hailuo.Contracts;

namespace Hailuo.Cli.Generation;

/// <summary>Prints each status change with the elapsed time: the progress display that works on any terminal or log.</summary>
internal sealed class ProgressPrinter : IProgress<VideoTaskProgress>
{
    private readonly CliConsole _console;
    private VideoTaskStatus? _last;

    public ProgressPrinter(CliConsole console)
    {
        _console = console;
    }

    public void Report(VideoTaskProgress value)
    {
        if (_last == value.Status)
        {
            return;
        }

        _last = value.Status;
        var percent = value.Task.Progress is { } p ? $" {p.ToString(CultureInfo.InvariantCulture)}%" : string.Empty;
        _console.Output.WriteLine($"  {Elapsed(value.Elapsed)}  {value.Status.ToString().ToLowerInvariant()}{percent}");
    }

    public static string Elapsed(TimeSpan elapsed) => elapsed.ToString(elapsed.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
