using Hailuo.MockServer;
using Spectre.Console;

namespace Hailuo.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, as a person would from a shell.</summary>
internal static class CliRun
{
    public static Task<(int Exit, string Output, string Error)> Run(params string[] args) => Run(null, null, args);

    /// <summary>Runs with the --sim simulator's options changed, and hands back the simulator it started.</summary>
    public static async Task<(int Exit, string Output, string Error)> Run(Action<SimulatorOptions>? configure, Action<HailuoSimulator>? started, params string[] args)
    {
        using var output = new StringWriter();
        var (exit, error) = await RunOn(CliConsole.Plain(output, TextWriter.Null).Output, configure, started, args);
        return (exit, output.ToString(), error);
    }

    /// <summary>Runs with results written to <paramref name="output"/>, such as Spectre's TestConsole for a terminal.</summary>
    public static async Task<(int Exit, string Error)> RunOn(IAnsiConsole output, Action<SimulatorOptions>? configure, Action<HailuoSimulator>? started, params string[] args)
    {
        using var error = new StringWriter();
        var console = new CliConsole(output, error)
        {
            SimulatorOptions = () =>
            {
                var options = Generation.SimulatorSession.DefaultOptions();
                configure?.Invoke(options);
                return options;
            },
            SimulatorStarted = started,
        };
        var exit = await CliApp.RunAsync(args, console);
        return (exit, error.ToString());
    }
}
