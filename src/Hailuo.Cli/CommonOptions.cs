using System.CommandLine;

namespace Hailuo.Cli;

/// <summary>Options several commands share, so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Provider() => new("--provider")
    {
        Description = "apimart or minimax.",
        DefaultValueFactory = _ => "apimart",
    };

    public static Option<string?> Model() => new("--model") { Description = "Model id, such as MiniMax-Hailuo-02 (default: the provider's first)." };
}
