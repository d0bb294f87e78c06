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

    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default) =>
        Build(console).Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Output.Profile.Out.Writer, Error = console.Error }, cancellationToken);
}
