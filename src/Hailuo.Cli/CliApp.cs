using System.CommandLine;
using System.CommandLine.Invocation;
using Hailuo.Cli.Commands;

namespace Hailuo.Cli;

/// <summary>The command tree; tests run it in-process with captured output.</summary>
internal static class CliApp
{
    /// <summary>How long a command may take to stop after Ctrl-C before the process ends anyway.</summary>
    private static readonly TimeSpan CtrlCGrace = TimeSpan.FromSeconds(30);

    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("hailuo: generate Hailuo videos safely, and test offline against the simulator.")
        {
            GenerateCommand.Create(console),
            StoryCommand.Create(console),
            TaskCommands.Status(console),
            TaskCommands.Download(console),
            ModelsCommand.Create(console),
            CostCommand.Create(console),
            ValidateCommand.Create(console),
            SimCommand.Create(console),
            ContractCommand.Create(console),
            WorkerCommand.Create(console),
            JobsCommand.Create(console),
        };
        root.Options.Add(CliOptions.Verbose);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var parsed = Build(console).Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            return ParseErrors.Report(console, parsed);
        }

        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = console.Output.Profile.Out.Writer,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,

                // A film's Ctrl-C waits for a submit's answer, which retries can take longer than the default 2 s to give.
                ProcessTerminationTimeout = CtrlCGrace,
            };
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever a command did not expect still ends as one line and a documented exit code.
            return ErrorReporter.Report(console, e, parsed.GetValue(CliOptions.Verbose));
        }
    }
}
