using Hailuo.Cli.Generation;
using Hailuo.Cli.Output;
using Hailuo.Contracts;
using Hailuo.Jobs;
using Hailuo.MockServer;
using Spectre.Console;

namespace Hailuo.Cli;

/// <summary>Where the CLI writes: a Spectre console for results and a plain writer for one-line errors.</summary>
internal sealed class CliConsole
{
    public CliConsole(IAnsiConsole output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    /// <summary>The options of the simulator `--sim` starts; tests change them to script 429s and faults.</summary>
    public Func<SimulatorOptions> SimulatorOptions { get; init; } = SimulatorSession.DefaultOptions;

    /// <summary>Called with each simulator `--sim` started, so tests can read its journal and tasks.</summary>
    public Action<HailuoSimulator>? SimulatorStarted { get; init; }

    /// <summary>A running simulator that --sim uses instead of starting its own; tests share one across runs to prove resume.</summary>
    public HailuoSimulator? Simulator { get; init; }

    /// <summary>Where films look for ffmpeg and ffprobe; null: on PATH. Tests point it at an empty folder.</summary>
    public string? FfmpegFolder { get; init; }

    /// <summary>Called with each event of a film's shots, so tests can stop a run at a chosen point.</summary>
    public Action<JobEvent>? ShotChanged { get; init; }

    /// <summary>Called with the task a single `generate` submitted, so tests can stop a run after it is paid for.</summary>
    public Action<VideoTask>? TaskSubmitted { get; init; }

    /// <summary>The disk's free space and writability as the output checks see them; tests make it full or refusing.</summary>
    public OutputDisk Disk { get; init; } = OutputDisk.Local;

    /// <summary>Called once `hailuo sim` listens, so tests know when to call it.</summary>
    public Action? SimulatorListening { get; init; }

    /// <summary>Reads an environment variable such as MINIMAX_API_KEY; tests give their own.</summary>
    public Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public IAnsiConsole Output { get; }

    public TextWriter Error { get; }

    /// <summary>A console over plain writers, without colour or live redraws: for tests and redirected output.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // Logs and pipes have no width; wide enough that tables do not wrap model ids.
        console.Profile.Width = 200;
        return new CliConsole(console, error);
    }

    /// <summary>The process console; plain when output is redirected or CI is set.</summary>
    public static CliConsole System() =>
        WantsPlain(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("CI")) ? Plain(Console.Out, Console.Error) : new(AnsiConsole.Console, Console.Error);

    /// <summary>Logs, pipes and CI get plain lines; a terminal gets live redraws.</summary>
    public static bool WantsPlain(bool outputRedirected, string? ci) => outputRedirected || !string.IsNullOrEmpty(ci);

    public int Fail(int exitCode, string message)
    {
        Error.WriteLine("error: " + message);
        return exitCode;
    }
}
