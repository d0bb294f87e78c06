using Hailuo.Cli.Generation;
using Hailuo.Jobs;

namespace Hailuo.Cli.Films;

/// <summary>
/// Follows a film's shots: on a terminal one live Spectre.Console row per shot (step, elapsed on the client's clock, bar);
/// in logs, pipes and CI one line per change of a shot's step.
/// </summary>
internal sealed class ShotProgress : IProgress<JobEvent>
{
    private readonly CliConsole _console;
    private readonly Dictionary<string, int> _shots;
    private readonly TimeProvider _clock;
    private readonly Action<JobEvent> _observe;
    private readonly long _started;
    private readonly int _width;
    private readonly Dictionary<int, string> _last = [];
    private readonly object _gate = new();
    private ProgressContext? _live;
    private List<ProgressTask> _rows = [];

    private ShotProgress(CliConsole console, StoryboardJobs jobs, TimeProvider clock, Action<JobEvent> observe)
    {
        var plan = jobs.Plan;
        _console = console;
        _observe = observe;
        _shots = jobs.Shots.ToDictionary(s => s.Key, s => s.Clip.Number, StringComparer.Ordinal);
        _clock = clock;
        _started = clock.GetTimestamp();
        _width = ShotText.Label(plan.Clips.Count, plan.Clips.Count).Length + "  0:00:00  submit outcome unknown".Length;
    }

    /// <summary>Runs <paramref name="run"/> with this display, and leaves its last state on screen; <paramref name="observe"/> sees every event first.</summary>
    public static Task<T> RunAsync<T>(CliConsole console, StoryboardJobs jobs, TimeProvider clock, Action<JobEvent> observe, Func<IProgress<JobEvent>, Task<T>> run)
    {
        var plan = jobs.Plan;
        var progress = new ShotProgress(console, jobs, clock, observe);
        if (!LiveProgress.Fits(console.Output))
        {
            return run(progress);
        }

        return LiveProgress.Display(console.Output).StartAsync(context =>
        {
            // A reused shot sends no events: its row says so from the start.
            progress._rows = jobs.Shots.Select(s => context.AddTask(Markup.Escape((ShotText.Label(s.Clip.Number, plan.Clips.Count) + (s.Work == ShotWork.Reuse ? "  reused" : "  waiting")).PadRight(progress._width)), maxValue: 100)).ToList();
            foreach (var (row, shot) in progress._rows.Zip(jobs.Shots).Where(r => r.Second.Work == ShotWork.Reuse))
            {
                row.Value = 100;
                row.StopTask();
            }

            progress._live = context;
            context.Refresh();
            return run(progress);
        });
    }

    public void Report(JobEvent value)
    {
        _observe(value);
        _console.ShotChanged?.Invoke(value);
        if (!_shots.TryGetValue(value.Key, out var number))
        {
            return;
        }

        var step = ShotText.Step(value);
        var line = $"{ShotText.Label(number, _shots.Count)}  {ProgressText.Elapsed(_clock.GetElapsedTime(_started))}  {step}";

        // Shots of an independent storyboard report from several threads at once.
        lock (_gate)
        {
            if (_live is null)
            {
                if (!_last.TryGetValue(number, out var last) || last != step)
                {
                    _last[number] = step;
                    _console.Output.WriteLine("  " + line + (value.TaskId is { } id && step == "submitted" ? "  task " + id : string.Empty));
                }

                return;
            }

            // Padded, so the bars of all rows start in one column whatever step each shot is at.
            var row = _rows[number - 1];
            row.Description = Markup.Escape(line.PadRight(_width));
            row.Value = ShotText.Percent(value);
            if (value.State.IsFinished() || value.State == JobState.OutcomeUnknown)
            {
                row.StopTask();
            }

            _live.Refresh();
        }
    }
}
