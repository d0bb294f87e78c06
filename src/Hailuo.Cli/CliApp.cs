using System.CommandLine;
using Hailuo.Cli.Commands;

namespace Hailuo.Cli;

/// <summary>The command tree; tests run it in-process with captured output.</summary>
internal static class CliApp
{
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
        };
        root.Options.Add(CliOptions.Verbose);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var parsed = Build(console).Parse(args);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Output.Profile.Out.Writer, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever a command did not expect still ends as one line and a documented exit code.
            return ErrorReporter.Report(console, e, parsed.GetValue(CliOptions.Verbose));
        }
    }
}
