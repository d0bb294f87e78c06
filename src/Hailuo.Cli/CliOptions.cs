using System.CommandLine;

namespace Hailuo.Cli;

/// <summary>Options every command takes.</summary>
internal static class CliOptions
{
    /// <summary>Show stack traces and HTTP details on errors.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Show stack traces and request details on errors.", Recursive = true };
}
