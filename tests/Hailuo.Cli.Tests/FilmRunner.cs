using Hailuo.MockServer;

namespace Hailuo.Cli.Tests;

/// <summary>Runs a film command in-process on a console the test sets up: its simulator, its shot events, its Ctrl-C.</summary>
internal static class FilmRunner
{
    /// <summary>The --sim options with the simulator's own quick lifecycle (done 4 s after submit), so a film's test waits on stitching, not renders.</summary>
    public static SimulatorOptions Quick()
    {
        var options = Generation.SimulatorSession.DefaultOptions();
        Quicken(options);
        return options;
    }

    public static void Quicken(SimulatorOptions options)
    {
        var quick = new SimulatorOptions();
        (options.QueuedAfter, options.ProcessingAfter, options.CompletedAfter) = (quick.QueuedAfter, quick.ProcessingAfter, quick.CompletedAfter);
    }

    public static async Task<(int Exit, string Output, string Error)> Run(Func<CliConsole, CliConsole> setup, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, setup(CliConsole.Plain(output, error)), cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    public static Task<(int Exit, string Output, string Error)> Run(Func<CliConsole, CliConsole> setup, params string[] args) =>
        Run(setup, CancellationToken.None, args);
}
