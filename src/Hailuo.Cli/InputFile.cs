using System.CommandLine;
using Hailuo.Contracts;

namespace Hailuo.Cli;

/// <summary>What a command that reads a file starts with: a provider of the spec and a file that exists.</summary>
internal static class InputFile
{
    /// <summary>The provider and the file, or the exit code of the error already printed (naming the value and what is allowed).</summary>
    public static (ProviderInfo Provider, FileInfo File)? Resolve(CliConsole console, ParseResult result, Option<string> provider, Argument<FileInfo> file, string what, out int exitCode)
    {
        exitCode = 0;
        var chosen = ProviderChoice.Find(result.GetValue(provider));
        if (chosen is null)
        {
            exitCode = console.Fail(ExitCodes.InvalidInput, ProviderChoice.Unknown(result.GetValue(provider)));
            return null;
        }

        var path = result.GetValue(file)!;
        if (!path.Exists)
        {
            exitCode = console.Fail(ExitCodes.NotFound, $"{what}'{path.FullName}' does not exist.");
            return null;
        }

        return (chosen, path);
    }
}
