using System.Globalization;
using Hailuo.Contracts;

namespace Hailuo.Cli.Generation;

/// <summary>
/// The live display on a terminal: one Spectre.Console progress row with the status, the elapsed time and the
/// estimated cost, a bar and the percent. Redrawn on each poll, since elapsed comes from the client's clock
/// (the simulator's under --sim), not the wall clock Spectre's own elapsed column reads.
/// </summary>
internal sealed class LiveProgress : IProgress<VideoTaskProgress>
{
    private readonly ProgressContext _context;
    private readonly ProgressTask _row;
    private readonly CostEstimate _cost;

    private LiveProgress(ProgressContext context, CostEstimate cost)
    {
        _context = context;
        _cost = cost;
        _row = context.AddTask(Description("submitted", TimeSpan.Zero), maxValue: 100);

        // Drawn at once: the first poll answers only after the polling interval.
        context.Refresh();
    }

    /// <summary>Whether the console can redraw in place: a terminal that is neither redirected nor CI's log.</summary>
    public static bool Fits(IAnsiConsole console) => console.Profile.Capabilities is { Interactive: true, Ansi: true };

    /// <summary>Runs <paramref name="wait"/> under the live display and leaves its last state on screen.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, CostEstimate cost, Func<IProgress<VideoTaskProgress>, Task<T>> wait) =>
        Display(console).StartAsync(context => wait(new LiveProgress(context, cost)));

    /// <summary>The CLI's live display: rows of description, bar and percent, redrawn only when told, left on screen at the end.</summary>
    public static Progress Display(IAnsiConsole console) =>
        console.Progress()
            .AutoRefresh(false)
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn());

    public void Report(VideoTaskProgress value)
    {
        _row.Description = Description(ProgressText.Status(value), value.Elapsed);
        if (ProgressText.Percent(value) is { } percent)
        {
            _row.Value = percent;
        }

        if (value.Task.IsTerminal)
        {
            _row.StopTask();
        }

        _context.Refresh();
    }

    private string Description(string status, TimeSpan elapsed) =>
        Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{status,-10}  {ProgressText.Elapsed(elapsed)}  est. {_cost}"));
}
