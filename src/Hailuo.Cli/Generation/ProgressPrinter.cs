using System.Globalization;
using Hailuo.Contracts;

namespace Hailuo.Cli.Generation;

/// <summary>Prints each status change with the elapsed time: the progress display for logs, pipes and CI.</summary>
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
        var percent = ProgressText.Percent(value) is { } p ? $" {p.ToString(CultureInfo.InvariantCulture)}%" : string.Empty;
        _console.Output.WriteLine($"  {ProgressText.Elapsed(value.Elapsed)}  {ProgressText.Status(value)}{percent}");
    }
}
